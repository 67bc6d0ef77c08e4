// Puts include/lede-models.bin into the binary's read-only data with the assembler's
// .incbin, which finds it on the include path. A multi-megabyte resource compiled as a
// Swift array literal (.embedInCode) costs the Swift compiler minutes; this costs
// nothing, and the bytes are mapped with the binary rather than copied at start.
// lede-train rewrites the stamp below with the file's hash, so a new model file always
// rebuilds this object.
// models: c92ab66d
#include "CLedeModels.h"

#if defined(__APPLE__)
#define LEDE_SECTION ".const_data"
#define LEDE_SYM(name) "_" #name
#define LEDE_GLOBAL(name) ".private_extern _" #name "\n.globl _" #name "\n"
#else
#define LEDE_SECTION ".section .rodata"
#define LEDE_SYM(name) #name
#define LEDE_GLOBAL(name) ".globl " #name "\n.hidden " #name "\n"
#endif

__asm__(
    LEDE_SECTION "\n"
    LEDE_GLOBAL(lede_models_start)
    LEDE_GLOBAL(lede_models_end)
    ".balign 16\n"
    LEDE_SYM(lede_models_start) ":\n"
    ".incbin \"lede-models.bin\"\n"
    LEDE_SYM(lede_models_end) ":\n"
    ".byte 0\n"
#if !defined(__APPLE__)
    ".previous\n"
#endif
);

extern const unsigned char lede_models_start[];
extern const unsigned char lede_models_end[];

const unsigned char *lede_models_bytes(void) { return lede_models_start; }
size_t lede_models_size(void) { return (size_t)(lede_models_end - lede_models_start); }
