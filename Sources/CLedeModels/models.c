// Puts include/lede-models.bin (and include/lede-tables.bin, the gazetteers and word
// classes laid out as built) into the binary's read-only data with the assembler's
// .incbin, which finds it on the include path. A multi-megabyte resource compiled as a
// Swift array literal (.embedInCode) costs the Swift compiler minutes; this costs
// nothing, and the bytes are mapped with the binary rather than copied at start.
// lede-train rewrites the stamps below with the files' hashes, so a new file always
// rebuilds this object.
// models: c92ab66d
// tables: f5675d8f
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
    ".balign 16\n"
    LEDE_GLOBAL(lede_tables_start)
    LEDE_GLOBAL(lede_tables_end)
    LEDE_SYM(lede_tables_start) ":\n"
    ".incbin \"lede-tables.bin\"\n"
    LEDE_SYM(lede_tables_end) ":\n"
    ".byte 0\n"
#if !defined(__APPLE__)
    ".previous\n"
#endif
);

extern const unsigned char lede_models_start[];
extern const unsigned char lede_models_end[];

const unsigned char *lede_models_bytes(void) { return lede_models_start; }
size_t lede_models_size(void) { return (size_t)(lede_models_end - lede_models_start); }

extern const unsigned char lede_tables_start[];
extern const unsigned char lede_tables_end[];

const unsigned char *lede_tables_bytes(void) { return lede_tables_start; }
size_t lede_tables_size(void) { return (size_t)(lede_tables_end - lede_tables_start); }
