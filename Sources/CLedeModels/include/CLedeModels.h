// The trained models' bytes (include/lede-models.bin), assembled into the binary by
// models.c. Written by lede-train; read in place by LedeCore's Models.
#ifndef CLEDEMODELS_H
#define CLEDEMODELS_H
#include <stddef.h>

/// The first byte of the model file compiled into the binary (16-byte aligned).
const unsigned char *lede_models_bytes(void);
/// Its length in bytes.
size_t lede_models_size(void);
/// The tables (gazetteers, word classes) as `lede-train --tables` laid them out (16-byte aligned).
const unsigned char *lede_tables_bytes(void);
/// Its length in bytes.
size_t lede_tables_size(void);

#endif
