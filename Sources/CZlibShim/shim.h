#ifndef NNLAB_CZLIB_SHIM_H
#define NNLAB_CZLIB_SHIM_H
/* zlib: inflate for NNData's gzip and ZIP readers, deflate for PlotCairo's PNG encoder. */
#include <zlib.h>
#endif
