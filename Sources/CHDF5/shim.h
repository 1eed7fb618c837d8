// HDF5's C API (Debian's libhdf5-dev, serial build) with its macro constants as functions: H5P_DEFAULT,
// H5T_NATIVE_DOUBLE and the like are expressions that Swift does not import.
#include <hdf5.h>

static inline hid_t nn_h5p_default(void) { return H5P_DEFAULT; }
static inline hid_t nn_h5s_all(void) { return H5S_ALL; }
static inline hid_t nn_h5e_default(void) { return H5E_DEFAULT; }
static inline hid_t nn_h5p_file_access(void) { return H5P_FILE_ACCESS; }
static inline hid_t nn_h5p_file_create(void) { return H5P_FILE_CREATE; }
static inline hid_t nn_h5p_group_create(void) { return H5P_GROUP_CREATE; }
static inline hid_t nn_h5p_dataset_create(void) { return H5P_DATASET_CREATE; }
static inline hid_t nn_h5t_native_double(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t nn_h5t_native_int64(void) { return H5T_NATIVE_INT64; }
static inline hid_t nn_h5t_ieee_f64le(void) { return H5T_IEEE_F64LE; }
static inline hid_t nn_h5t_ieee_f32le(void) { return H5T_IEEE_F32LE; }
static inline hid_t nn_h5t_std_i64le(void) { return H5T_STD_I64LE; }
static inline hid_t nn_h5t_c_s1(void) { return H5T_C_S1; }
static inline unsigned nn_h5f_acc_rdonly(void) { return H5F_ACC_RDONLY; }
static inline unsigned nn_h5f_acc_trunc(void) { return H5F_ACC_TRUNC; }
static inline size_t nn_h5t_variable(void) { return H5T_VARIABLE; }
/// Silences HDF5's printed error stack: NNLab reports every failure itself, in one line.
static inline void nn_h5_quiet(void) { H5Eset_auto2(H5E_DEFAULT, NULL, NULL); }

// MARK: - Reading a user's file in a child process
//
// libhdf5 (1.10) can crash or loop on a damaged file (a corrupted object header sends it to read
// through a null pointer). NNLab never calls it on a user's bytes in its own process: nn_h5_snapshot
// forks, and the child (plain C, libhdf5 and malloc, no Swift runtime) opens the image under a CPU and
// an address-space limit, visits every object and writes what it holds to a pipe: groups,
// attributes (strings or numbers) and datasets (shape, and float64 values when numeric and at most
// max_values). The parent reads that snapshot; HDF5File answers from it.
//
// Records: u8 kind, u32 length + path; 'A' (attribute) then u32 length + name, u8 'S' (strings: u64
// count, each u32 length + bytes) | 'N' (numbers: u64 count, doubles) | 'X' (another type); 'D'
// (dataset) then u8 read, u32 rank, rank × u64 dims, and when read, the doubles; 'G' (group).

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct { FILE *out; unsigned long long max_values; } nn_snapshot_state;

static void nn_put(FILE *out, const void *bytes, size_t count) {
    if (count > 0 && fwrite(bytes, 1, count, out) != count) _exit(3);
}
static void nn_put_u32(FILE *out, uint32_t x) { nn_put(out, &x, 4); }
static void nn_put_u64(FILE *out, uint64_t x) { nn_put(out, &x, 8); }
static void nn_put_text(FILE *out, const char *text) {
    size_t n = text ? strlen(text) : 0;
    nn_put_u32(out, (uint32_t)n);
    nn_put(out, text, n);
}

static herr_t nn_snapshot_attribute(hid_t location, const char *name, const H5A_info_t *info, void *data) {
    (void)info;
    FILE *out = ((nn_snapshot_state *)data)->out;
    hid_t attribute = H5Aopen(location, name, H5P_DEFAULT);
    if (attribute < 0) return 0;
    hid_t type = H5Aget_type(attribute), space = H5Aget_space(attribute);
    hssize_t n = H5Sget_simple_extent_npoints(space);
    nn_put(out, "A", 1);
    nn_put_text(out, (const char *)((nn_snapshot_state *)data + 1));
    nn_put_text(out, name);
    int written = 0;
    if (type >= 0 && space >= 0 && n >= 0 && n <= 1000000) {
        size_t count = n > 0 ? (size_t)n : 1;
        H5T_class_t kind = H5Tget_class(type);
        if (kind == H5T_STRING) {
            hid_t memory = H5Tcopy(H5T_C_S1);
            // The file's own character set and padding: HDF5 converts no strings between ASCII and UTF-8.
            H5Tset_cset(memory, H5Tget_cset(type));
            if (H5Tis_variable_str(type) > 0) {
                H5Tset_size(memory, H5T_VARIABLE);
                char **buffer = calloc(count, sizeof(char *));
                if (buffer && H5Aread(attribute, memory, buffer) >= 0) {
                    nn_put(out, "S", 1);
                    nn_put_u64(out, (uint64_t)n);
                    for (hssize_t i = 0; i < n; i++) nn_put_text(out, buffer[i]);
                    written = 1;
                    H5Dvlen_reclaim(memory, space, H5P_DEFAULT, buffer);
                }
                free(buffer);
            } else {
                size_t size = H5Tget_size(type);
                if (size > 0 && size <= 65536) {
                    H5Tset_size(memory, size);
                    H5Tset_strpad(memory, H5Tget_strpad(type));
                    char *buffer = calloc(count, size);
                    if (buffer && H5Aread(attribute, memory, buffer) >= 0) {
                        int spaces = H5Tget_strpad(type) == H5T_STR_SPACEPAD;
                        nn_put(out, "S", 1);
                        nn_put_u64(out, (uint64_t)n);
                        for (hssize_t i = 0; i < n; i++) {
                            const char *text = buffer + (size_t)i * size;
                            size_t length = 0;
                            while (length < size && text[length] != 0) length++;
                            while (spaces && length > 0 && text[length - 1] == ' ') length--;
                            nn_put_u32(out, (uint32_t)length);
                            nn_put(out, text, length);
                        }
                        written = 1;
                    }
                    free(buffer);
                }
            }
            H5Tclose(memory);
        } else if (kind == H5T_FLOAT || kind == H5T_INTEGER) {
            double *buffer = calloc(count, sizeof(double));
            if (buffer && (n == 0 || H5Aread(attribute, H5T_NATIVE_DOUBLE, buffer) >= 0)) {
                nn_put(out, "N", 1);
                nn_put_u64(out, (uint64_t)n);
                nn_put(out, buffer, (size_t)n * sizeof(double));
                written = 1;
            }
            free(buffer);
        }
    }
    if (!written) nn_put(out, "X", 1);
    if (type >= 0) H5Tclose(type);
    if (space >= 0) H5Sclose(space);
    H5Aclose(attribute);
    return 0;
}

static herr_t nn_snapshot_object(hid_t location, const char *name, const H5O_info_t *info, void *data) {
    nn_snapshot_state *state = data;
    FILE *out = state->out;
    // The object's path travels after the state, for the attribute records.
    char *path = (char *)(state + 1);
    strncpy(path, name, 4095);
    path[4095] = 0;
    if (info->type == H5O_TYPE_GROUP) {
        nn_put(out, "G", 1);
        nn_put_text(out, path);
    } else if (info->type == H5O_TYPE_DATASET) {
        hid_t dataset = H5Dopen2(location, name, H5P_DEFAULT);
        if (dataset >= 0) {
            hid_t type = H5Dget_type(dataset), space = H5Dget_space(dataset);
            int rank = H5Sget_simple_extent_ndims(space);
            hsize_t dims[32] = {0};
            if (rank < 0 || rank > 32) rank = -1; else H5Sget_simple_extent_dims(space, dims, NULL);
            hssize_t n = H5Sget_simple_extent_npoints(space);
            H5T_class_t kind = H5Tget_class(type);
            double *buffer = NULL;
            int read = 0;
            if (rank >= 0 && (kind == H5T_FLOAT || kind == H5T_INTEGER) && n >= 0 && (unsigned long long)n <= state->max_values) {
                buffer = malloc((size_t)(n > 0 ? n : 1) * sizeof(double));
                read = buffer && (n == 0 || H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer) >= 0);
            }
            nn_put(out, "D", 1);
            nn_put_text(out, path);
            nn_put(out, read ? "\1" : "\0", 1);
            nn_put_u32(out, (uint32_t)(rank < 0 ? 0 : rank));
            for (int i = 0; i < rank; i++) nn_put_u64(out, dims[i]);
            if (read) nn_put(out, buffer, (size_t)n * sizeof(double));
            free(buffer);
            if (type >= 0) H5Tclose(type);
            if (space >= 0) H5Sclose(space);
            H5Dclose(dataset);
        }
    }
    H5Aiterate_by_name(location, name, H5_INDEX_NAME, H5_ITER_INC, NULL, nn_snapshot_attribute, state, H5P_DEFAULT);
    return 0;
}

/// Reads the HDF5 image in a child process and gives its snapshot (malloc'd, *snapshot and *length;
/// the caller frees it). Returns 0 when the child finished, 2 when libhdf5 could not open the image,
/// the signal that ended the child (SIGXCPU or SIGKILL: it ran out of its `seconds` of CPU), -1 when
/// no child could be made, -2 when the snapshot would pass max_bytes.
static inline int nn_h5_snapshot(const void *image, size_t size, unsigned long long max_values, unsigned seconds,
                                 unsigned long long max_bytes, unsigned char **snapshot, size_t *length) {
    *snapshot = NULL;
    *length = 0;
    int fds[2];
    if (pipe(fds) != 0) return -1;
    pid_t child = fork();
    if (child < 0) { close(fds[0]); close(fds[1]); return -1; }
    if (child == 0) {
        close(fds[0]);
        // The default action for a crash (no backtrace from the parent's handlers, no core file), nothing printed.
        int crashes[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
        for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) signal(crashes[i], SIG_DFL);
        struct rlimit core = {0, 0};
        setrlimit(RLIMIT_CORE, &core);
        close(2);
        struct rlimit cpu = {seconds, seconds + 1};  // SIGXCPU at the limit, SIGKILL a second later
        setrlimit(RLIMIT_CPU, &cpu);
        struct rlimit memory = {max_bytes + (1ULL << 30), max_bytes + (1ULL << 30)};
        setrlimit(RLIMIT_AS, &memory);
        H5Eset_auto2(H5E_DEFAULT, NULL, NULL);
        FILE *out = fdopen(fds[1], "wb");
        if (!out) _exit(3);
        nn_snapshot_state *state = malloc(sizeof(nn_snapshot_state) + 4096);
        if (!state) _exit(3);
        state->out = out;
        state->max_values = max_values;
        hid_t access = H5Pcreate(H5P_FILE_ACCESS);
        H5Pset_fapl_core(access, 1 << 16, 0);
        if (H5Pset_file_image(access, (void *)image, size) < 0) _exit(2);
        hid_t file = H5Fopen("/dev/null/nnlab-image.h5", H5F_ACC_RDONLY, access);
        if (file < 0) _exit(2);
        H5Ovisit(file, H5_INDEX_NAME, H5_ITER_INC, nn_snapshot_object, state);
        H5Fclose(file);
        if (fclose(out) != 0) _exit(3);
        _exit(0);
    }
    close(fds[1]);
    size_t capacity = 1 << 16, used = 0;
    unsigned char *buffer = malloc(capacity);
    int too_large = buffer == NULL;
    for (;;) {
        if (!too_large && used == capacity) {
            unsigned char *grown = capacity * 2 <= max_bytes ? realloc(buffer, capacity * 2) : NULL;
            if (grown) { buffer = grown; capacity *= 2; } else { too_large = 1; kill(child, SIGKILL); }
        }
        unsigned char scratch[4096];
        ssize_t got = too_large ? read(fds[0], scratch, sizeof scratch) : read(fds[0], buffer + used, capacity - used);
        if (got > 0) { if (!too_large) used += (size_t)got; continue; }
        if (got < 0 && errno == EINTR) continue;
        break;
    }
    close(fds[0]);
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
    if (too_large) { free(buffer); return -2; }
    *snapshot = buffer;
    *length = used;
    if (WIFSIGNALED(status)) return WTERMSIG(status);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
