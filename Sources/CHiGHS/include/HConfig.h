#ifndef HCONFIG_H_
#define HCONFIG_H_
// What HiGHS's CMake would write for this build: the CPU version of PDLP, no HiPO (it needs BLAS and METIS),
// no zlib, 32-bit indices.
#define CUPDLP_CPU
#define HIGHS_HAVE_MM_PAUSE
#define HIGHS_HAVE_BUILTIN_CLZ
#define HIGHS_GITHASH "v1.14.0"
#define HIGHS_VERSION_MAJOR 1
#define HIGHS_VERSION_MINOR 14
#define HIGHS_VERSION_PATCH 0
#endif
