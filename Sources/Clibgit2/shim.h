#include <git2.h>
#include <git2/sys/filter.h>
#include <git2/sys/index.h>
#include <git2/sys/mempack.h>
#include <git2/sys/repository.h>

/* git_libgit2_opts is variadic, which Swift cannot call; these wrap the options journal sets. */
static inline int journal_git_enable_fsync(int enabled) {
  return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}

static inline int journal_git_verify_objects_read(int enabled) {
  return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

/* Repository extensions journal supports beyond libgit2's own: `worktreeconfig`, whose
   `config.worktree` GitConfiguration reads. */
static inline int journal_git_allow_worktree_config(void) {
  const char *extensions[] = { "worktreeconfig" };
  return git_libgit2_opts(GIT_OPT_SET_EXTENSIONS, extensions, (size_t)1);
}

/* An object database backend that records the objects written through the database — only
   those it did not hold already, since libgit2 freshens an existing object instead of writing
   it — and leaves the writing to the backends behind it (git's adjust_shared_perm applies to
   what git creates, nothing else). Its `write` records and passes; its streams gather the
   object and write it through the database when finished, so the database, not this backend,
   chooses where it goes (never into an alternate). */
#include <git2/sys/odb_backend.h>
#include <stdlib.h>
#include <string.h>

typedef void (*journal_object_created)(const git_oid *id, void *payload);

typedef struct {
  git_odb_backend parent;
  journal_object_created created;
  void (*release)(void *payload);
  void *payload;
} journal_object_recorder;

typedef struct {
  git_odb_stream parent;
  git_object_t type;
  char *data;
  size_t size;
  size_t capacity;
} journal_recorded_stream;

static inline int journal_recorder_write(
    git_odb_backend *backend, const git_oid *id, const void *data, size_t len, git_object_t type) {
  journal_object_recorder *recorder = (journal_object_recorder *)backend;
  (void)data; (void)len; (void)type;
  recorder->created(id, recorder->payload);
  return GIT_PASSTHROUGH;
}

static inline int journal_recorded_stream_write(git_odb_stream *stream, const char *buffer, size_t len) {
  journal_recorded_stream *recorded = (journal_recorded_stream *)stream;
  if (recorded->size + len > recorded->capacity) {
    size_t capacity = recorded->capacity ? recorded->capacity : 4096;
    while (capacity < recorded->size + len) capacity *= 2;
    char *data = (char *)realloc(recorded->data, capacity);
    if (!data) { git_error_set_oom(); return -1; }
    recorded->data = data;
    recorded->capacity = capacity;
  }
  if (len) memcpy(recorded->data + recorded->size, buffer, len);
  recorded->size += len;
  return 0;
}

static inline int journal_recorded_stream_finalize(git_odb_stream *stream, const git_oid *oid) {
  journal_recorded_stream *recorded = (journal_recorded_stream *)stream;
  git_oid written;
  (void)oid;
  return git_odb_write(&written, stream->backend->odb, recorded->data, recorded->size, recorded->type);
}

static inline void journal_recorded_stream_free(git_odb_stream *stream) {
  journal_recorded_stream *recorded = (journal_recorded_stream *)stream;
  free(recorded->data);
  free(recorded);
}

static inline int journal_recorder_writestream(
    git_odb_stream **out, git_odb_backend *backend, git_object_size_t size, git_object_t type) {
  journal_recorded_stream *stream = (journal_recorded_stream *)calloc(1, sizeof(*stream));
  (void)size;
  if (!stream) { git_error_set_oom(); return -1; }
  stream->parent.backend = backend;
  stream->parent.mode = GIT_STREAM_WRONLY;
  stream->parent.write = journal_recorded_stream_write;
  stream->parent.finalize_write = journal_recorded_stream_finalize;
  stream->parent.free = journal_recorded_stream_free;
  stream->type = type;
  *out = &stream->parent;
  return 0;
}

static inline int journal_recorder_foreach(git_odb_backend *backend, git_odb_foreach_cb callback, void *payload) {
  (void)backend; (void)callback; (void)payload;
  return 0;
}

static inline void journal_recorder_free(git_odb_backend *backend) {
  journal_object_recorder *recorder = (journal_object_recorder *)backend;
  if (recorder->release) recorder->release(recorder->payload);
  free(recorder);
}

/* Puts a recorder in front of every other backend of `odb`, which owns it from then on. */
static inline int journal_add_object_recorder(
    git_odb *odb, journal_object_created created, void (*release)(void *), void *payload) {
  journal_object_recorder *recorder = (journal_object_recorder *)calloc(1, sizeof(*recorder));
  int error;
  if (!recorder) { git_error_set_oom(); return -1; }
  git_odb_init_backend(&recorder->parent, GIT_ODB_BACKEND_VERSION);
  recorder->parent.write = journal_recorder_write;
  recorder->parent.writestream = journal_recorder_writestream;
  recorder->parent.foreach = journal_recorder_foreach;
  recorder->parent.free = journal_recorder_free;
  recorder->created = created;
  recorder->release = release;
  recorder->payload = payload;
  if ((error = git_odb_add_backend(odb, &recorder->parent, 1000000)) < 0) free(recorder);
  return error;
}
