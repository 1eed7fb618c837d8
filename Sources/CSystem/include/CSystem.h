#ifndef CSYSTEM_H
#define CSYSTEM_H

/// Atomically swaps two existing paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0, or -1 with errno set (ENOSYS or EINVAL where the file system cannot exchange).
int nnlab_rename_exchange(const char *from, const char *to);

/// Renames `from` to `to` only if `to` does not exist (renameat2 RENAME_NOREPLACE).
/// Returns 0, or -1 with errno set (EEXIST when `to` exists).
int nnlab_rename_noreplace(const char *from, const char *to);

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that write the signal's number (one byte)
/// to a pipe, and returns the pipe's read end (or -1). The handler is async-signal-safe: it only
/// calls write(2); a thread reading the pipe does the cleanup.
int nnlab_install_interrupt_pipe(void);

/// Unblocks SIGINT, SIGTERM and SIGHUP in the calling thread (a parent may have started this
/// process with them blocked; the interruption thread must receive them).
void nnlab_unblock_interrupts(void);

#endif
