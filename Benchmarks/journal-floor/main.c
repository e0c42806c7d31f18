/* The floor of `journal check`: the parsing work every check of a journal must do, done by
   the C libraries alone, with nothing of journal's own. It lists the files `journal check`
   reads (journal.yml, each person's profile.md, and the .md files in their sessions/ and
   plans/), reads every byte, checks the bytes are UTF-8, reads the front matter with
   libyaml's events, keeping each event's marks, parses the body with cmark-gfm (source
   positions, the tasklist extension) and walks the whole tree, touching each node's literal
   and position. It uses as many threads as the check does (one per online core) and prints
   how many files and bytes it read. cmark-gfm allocates from a block each thread keeps, given
   back whole after each body, as the check's MarkdownArena does: freeing a tree node by node
   is work no check must do.

   Usage: journal-floor [--threads N] FOLDER */

#define _DEFAULT_SOURCE /* readdir's d_type, lstat, strdup, O_NOFOLLOW */

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

/* The journal's note files, journal-relative paths. */
static char **paths;
static size_t pathCount, pathCapacity;
static const char *root;
static atomic_size_t nextPath;

/* What the threads found, summed at the end; the checksum keeps every touched value live. */
typedef struct {
  uint64_t bytes, invalid, yamlEvents, yamlErrors, nodes, checksum;
} Tally;

static void fail(const char *what, const char *path, int error) {
  fprintf(stderr, "journal-floor: %s %s: %s\n", what, path, strerror(error));
  exit(1);
}

static void addPath(const char *path) {
  if (pathCount == pathCapacity) {
    pathCapacity = pathCapacity ? pathCapacity * 2 : 1024;
    paths = realloc(paths, pathCapacity * sizeof *paths);
    if (!paths) fail("cannot list", root, ENOMEM);
  }
  paths[pathCount] = strdup(path);
  if (!paths[pathCount]) fail("cannot list", root, ENOMEM);
  pathCount++;
}

static int endsWith(const char *name, const char *suffix) {
  size_t length = strlen(name), count = strlen(suffix);
  return length >= count && memcmp(name + length - count, suffix, count) == 0;
}

/* A file `journal check` reads: mentees/P/profile.md, or a .md file in mentees/P/sessions
   or mentees/P/plans. */
static int isNote(const char *folder, const char *name) {
  if (!folder) return strcmp(name, "profile.md") == 0;
  return (strcmp(folder, "sessions") == 0 || strcmp(folder, "plans") == 0) && endsWith(name, ".md");
}

/* Walks `mentees/`, as the check does: hidden entries skipped, links never followed. */
static void walk(const char *relative, int depth, const char *folder) {
  char absolute[4096];
  snprintf(absolute, sizeof absolute, "%s/%s", root, relative);
  DIR *directory = opendir(absolute);
  if (!directory) {
    if (errno == ENOENT && depth == 0) return;
    fail("cannot list", absolute, errno);
  }
  struct dirent *entry;
  while ((entry = readdir(directory))) {
    if (entry->d_name[0] == '.') continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", relative, entry->d_name);
    unsigned char type = entry->d_type;
    if (type == DT_UNKNOWN) {
      struct stat info;
      char full[8192];
      snprintf(full, sizeof full, "%s/%s", root, path);
      if (lstat(full, &info) != 0) fail("cannot list", full, errno);
      /* Anything else (a link, a pipe) is never read. */
      type = S_ISDIR(info.st_mode) ? DT_DIR : S_ISREG(info.st_mode) ? DT_REG : DT_LNK;
    }
    if (type == DT_DIR) {
      if (depth == 0) walk(path, 1, NULL);
      else if (depth == 1) walk(path, 2, entry->d_name);
    } else if (type == DT_REG && depth > 0 && isNote(folder, entry->d_name)) {
      addPath(path);
    }
  }
  closedir(directory);
}

/* Whether the bytes are UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF. */
static int isUTF8(const unsigned char *bytes, size_t count) {
  size_t index = 0;
  while (index < count) {
    unsigned char first = bytes[index];
    if (first < 0x80) {
      index++;
      continue;
    }
    size_t length;
    unsigned char low = 0x80, high = 0xBF;
    if (first >= 0xC2 && first <= 0xDF) length = 2;
    else if (first >= 0xE0 && first <= 0xEF) {
      length = 3;
      if (first == 0xE0) low = 0xA0;
      if (first == 0xED) high = 0x9F;
    } else if (first >= 0xF0 && first <= 0xF4) {
      length = 4;
      if (first == 0xF0) low = 0x90;
      if (first == 0xF4) high = 0x8F;
    } else return 0;
    if (count - index < length) return 0;
    if (bytes[index + 1] < low || bytes[index + 1] > high) return 0;
    for (size_t next = 2; next < length; next++)
      if ((bytes[index + next] & 0xC0) != 0x80) return 0;
    index += length;
  }
  return 1;
}

/* Whether the line [start, end) is `---` (or, closing, `...`), then only spaces and tabs. */
static int isDelimiter(const unsigned char *bytes, size_t start, size_t end, int closing) {
  while (end > start && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t' || bytes[end - 1] == '\r')) end--;
  if (end - start != 3) return 0;
  unsigned char first = bytes[start];
  if (first != '-' && !(closing && first == '.')) return 0;
  return bytes[start + 1] == first && bytes[start + 2] == first;
}

static void readYAML(const unsigned char *bytes, size_t count, Tally *tally) {
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) {
    tally->yamlErrors++;
    return;
  }
  yaml_parser_set_input_string(&parser, bytes, count);
  yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      tally->yamlErrors++;
      break;
    }
    tally->yamlEvents++;
    tally->checksum += event.start_mark.line + event.start_mark.column + event.end_mark.index;
    if (event.type == YAML_SCALAR_EVENT) tally->checksum += event.data.scalar.length;
    int done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    if (done) break;
  }
  yaml_parser_delete(&parser);
}

/* Each thread's arena: allocations are cut from its first block (kept from one body to the
   next) or from further blocks, freed when the body is read; each allocation follows a
   header that holds its size, for realloc. */
enum { ARENA_BLOCK = 64 * 1024, ARENA_ALIGN = 16 };
typedef struct ArenaBlock {
  struct ArenaBlock *previous;
} ArenaBlock;
static __thread ArenaBlock *arenaFirst, *arenaExtra;
static __thread unsigned char *arenaNext, *arenaEnd, *arenaLatest;

static size_t arenaRounded(size_t size) { return (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1); }

static void *arenaAllocate(size_t size) {
  size_t needed = ARENA_ALIGN + arenaRounded(size);
  if (!arenaNext || (size_t)(arenaEnd - arenaNext) < needed) {
    size_t blockSize = ARENA_ALIGN + (needed > ARENA_BLOCK ? needed : ARENA_BLOCK);
    ArenaBlock *block = malloc(blockSize);
    if (!block) fail("cannot parse Markdown in", root, ENOMEM);
    if (!arenaFirst) arenaFirst = block, block->previous = NULL;
    else block->previous = arenaExtra, arenaExtra = block;
    arenaNext = (unsigned char *)block + ARENA_ALIGN;
    arenaEnd = (unsigned char *)block + blockSize;
  }
  unsigned char *pointer = arenaNext + ARENA_ALIGN;
  *(size_t *)(pointer - ARENA_ALIGN) = size;
  arenaNext = pointer + arenaRounded(size);
  arenaLatest = pointer;
  return pointer;
}

static void *arenaCalloc(size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) fail("cannot parse Markdown in", root, ENOMEM);
  return memset(arenaAllocate(count * size), 0, count * size);
}

static void *arenaRealloc(void *pointer, size_t size) {
  if (!pointer) return arenaAllocate(size);
  size_t old = *(size_t *)((unsigned char *)pointer - ARENA_ALIGN);
  if (size <= old) return pointer;
  if (pointer == arenaLatest && (size_t)(arenaEnd - (unsigned char *)pointer) >= arenaRounded(size)) {
    *(size_t *)((unsigned char *)pointer - ARENA_ALIGN) = size;
    arenaNext = (unsigned char *)pointer + arenaRounded(size);
    return pointer;
  }
  return memcpy(arenaAllocate(size), pointer, old);
}

static void arenaFree(void *pointer) { (void)pointer; }

/* Gives back everything a body took: the first block is kept. */
static void arenaReset(void) {
  while (arenaExtra) {
    ArenaBlock *previous = arenaExtra->previous;
    free(arenaExtra);
    arenaExtra = previous;
  }
  arenaNext = arenaFirst ? (unsigned char *)arenaFirst + ARENA_ALIGN : NULL;
  arenaEnd = arenaFirst ? (unsigned char *)arenaFirst + ARENA_ALIGN + ARENA_BLOCK : NULL;
  arenaLatest = NULL;
}

static cmark_mem arena = {arenaCalloc, arenaRealloc, arenaFree};

static void readMarkdown(const unsigned char *bytes, size_t count, cmark_syntax_extension *tasklist, Tally *tally) {
  /* The parser and the tree live in the arena until the walk is done, and are never freed
     node by node. */
  cmark_parser *parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, &arena);
  if (!parser) return;
  cmark_parser_attach_syntax_extension(parser, tasklist);
  cmark_parser_feed(parser, (const char *)bytes, count);
  cmark_node *document = cmark_parser_finish(parser);
  if (!document) {
    arenaReset();
    return;
  }
  cmark_iter *iterator = cmark_iter_new(document);
  cmark_event_type event;
  while ((event = cmark_iter_next(iterator)) != CMARK_EVENT_DONE) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node *node = cmark_iter_get_node(iterator);
    tally->nodes++;
    const char *literal = cmark_node_get_literal(node);
    if (literal) tally->checksum += (unsigned char)literal[0];
    tally->checksum += (uint64_t)cmark_node_get_start_line(node) + (uint64_t)cmark_node_get_start_column(node)
      + (uint64_t)cmark_node_get_end_line(node) + (uint64_t)cmark_node_get_end_column(node);
  }
  cmark_iter_free(iterator);
  arenaReset();
}

/* Reads, checks and parses one file: journal.yml is YAML whole, a note is front matter
   between `---` lines and a Markdown body. */
static void parseFile(const char *path, unsigned char **buffer, size_t *capacity, cmark_syntax_extension *tasklist,
  Tally *tally) {
  char absolute[8192];
  snprintf(absolute, sizeof absolute, "%s/%s", root, path);
  int descriptor = open(absolute, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (descriptor < 0) fail("cannot read", absolute, errno);
  struct stat info;
  if (fstat(descriptor, &info) != 0) fail("cannot read", absolute, errno);
  size_t size = (size_t)info.st_size;
  if (size + 1 > *capacity) {
    *capacity = size + 1;
    *buffer = realloc(*buffer, *capacity);
    if (!*buffer) fail("cannot read", absolute, ENOMEM);
  }
  size_t filled = 0;
  while (filled < size) {
    ssize_t got = read(descriptor, *buffer + filled, size - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) fail("cannot read", absolute, errno);
    if (got == 0) break;
    filled += (size_t)got;
  }
  close(descriptor);
  const unsigned char *bytes = *buffer;
  tally->bytes += filled;
  if (!isUTF8(bytes, filled)) {
    tally->invalid++;
    return;
  }
  if (strcmp(path, "journal.yml") == 0) {
    readYAML(bytes, filled, tally);
    return;
  }
  /* The front matter runs from the second line to the closing delimiter; the body follows. */
  const unsigned char *newline = memchr(bytes, '\n', filled);
  size_t lineEnd = newline ? (size_t)(newline - bytes) : filled;
  if (!isDelimiter(bytes, 0, lineEnd, 0)) {
    tally->yamlErrors++; /* no front matter: the check reads no further */
    return;
  }
  size_t yamlStart = lineEnd < filled ? lineEnd + 1 : filled, start = yamlStart;
  while (start < filled) {
    newline = memchr(bytes + start, '\n', filled - start);
    lineEnd = newline ? (size_t)(newline - bytes) : filled;
    if (isDelimiter(bytes, start, lineEnd, 1)) {
      readYAML(bytes + yamlStart, start - yamlStart, tally);
      size_t body = lineEnd < filled ? lineEnd + 1 : filled;
      readMarkdown(bytes + body, filled - body, tasklist, tally);
      return;
    }
    start = lineEnd + 1;
  }
  tally->yamlErrors++; /* never closed */
}

/* Takes files until none are left; the tally is kept on this thread's stack, so that the
   threads share no cache line, and handed back at the end. */
static void *work(void *argument) {
  Tally local = {0}, *tally = &local;
  cmark_syntax_extension *tasklist = cmark_find_syntax_extension("tasklist");
  unsigned char *buffer = NULL;
  size_t capacity = 0;
  for (;;) {
    size_t index = atomic_fetch_add(&nextPath, 1);
    if (index >= pathCount) break;
    parseFile(paths[index], &buffer, &capacity, tasklist, tally);
  }
  free(buffer);
  free(arenaFirst);
  *(Tally *)argument = local;
  return NULL;
}

int main(int argc, char **argv) {
  long threads = sysconf(_SC_NPROCESSORS_ONLN);
  int argument = 1;
  if (argc == 4 && strcmp(argv[1], "--threads") == 0) {
    char *end;
    threads = strtol(argv[2], &end, 10);
    if (*end || threads < 1 || threads > 256) {
      fprintf(stderr, "journal-floor: --threads takes a number from 1 to 256, not %s\n", argv[2]);
      return 2;
    }
    argument = 3;
  } else if (argc != 2) {
    fprintf(stderr, "usage: journal-floor [--threads N] FOLDER\n");
    return 2;
  }
  if (threads < 1) threads = 1;
  if (threads > 256) threads = 256;
  root = argv[argument];
  struct stat info;
  if (stat(root, &info) != 0) fail("cannot read", root, errno);
  if (!S_ISDIR(info.st_mode)) fail("cannot read", root, ENOTDIR);

  char config[4096];
  snprintf(config, sizeof config, "%s/journal.yml", root);
  if (lstat(config, &info) == 0 && S_ISREG(info.st_mode)) addPath("journal.yml");
  walk("mentees", 0, NULL);

  cmark_gfm_core_extensions_ensure_registered();
  if (!cmark_find_syntax_extension("tasklist")) {
    fprintf(stderr, "journal-floor: cmark-gfm has no tasklist extension\n");
    return 1;
  }
  pthread_t workers[256];
  Tally tallies[256];
  memset(tallies, 0, sizeof tallies);
  for (long index = 0; index < threads; index++) {
    int error = pthread_create(&workers[index], NULL, work, &tallies[index]);
    if (error) fail("cannot start a thread for", root, error);
  }
  Tally total = {0};
  for (long index = 0; index < threads; index++) {
    pthread_join(workers[index], NULL);
    total.bytes += tallies[index].bytes;
    total.invalid += tallies[index].invalid;
    total.yamlEvents += tallies[index].yamlEvents;
    total.yamlErrors += tallies[index].yamlErrors;
    total.nodes += tallies[index].nodes;
    total.checksum += tallies[index].checksum;
  }
  printf("%zu files, %llu bytes, %ld threads: %llu not UTF-8, %llu YAML events, %llu YAML errors, %llu Markdown nodes, "
         "checksum %llu\n",
    pathCount, (unsigned long long)total.bytes, threads, (unsigned long long)total.invalid,
    (unsigned long long)total.yamlEvents, (unsigned long long)total.yamlErrors, (unsigned long long)total.nodes,
    (unsigned long long)total.checksum);
  for (size_t index = 0; index < pathCount; index++) free(paths[index]);
  free(paths);
  return 0;
}
