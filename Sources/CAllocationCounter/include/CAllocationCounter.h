#ifndef NNLAB_ALLOCATION_COUNTER_H
#define NNLAB_ALLOCATION_COUNTER_H
#include <stdint.h>

/// The number of heap allocations (malloc, calloc, realloc, posix_memalign, aligned_alloc,
/// memalign) made by the whole process since it started, counted by the interposed allocator
/// functions linked into the benchmark executable only.
uint64_t nnlab_allocation_count(void);

#endif
