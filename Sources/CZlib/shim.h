#ifndef NNLAB_CZLIB_SHIM_H
#define NNLAB_CZLIB_SHIM_H
/* zlib's inflate, for NNData's gzip reader. */
#include <zlib.h>
#endif
