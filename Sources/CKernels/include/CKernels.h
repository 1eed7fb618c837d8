#ifndef NNLAB_CKERNELS_H
#define NNLAB_CKERNELS_H
#include <stddef.h>
#endif
