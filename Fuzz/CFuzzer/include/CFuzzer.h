#include <stddef.h>
#include <stdint.h>

/* libFuzzer's driver, for a target whose main is its own (SwiftPM names every executable's
   entry point). Linked in only by a build with -sanitize=fuzzer. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
