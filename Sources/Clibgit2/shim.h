#include <git2.h>
#include <git2/sys/filter.h>
#include <git2/sys/index.h>
#include <git2/sys/mempack.h>
#include <git2/sys/repository.h>

/* git_libgit2_opts is variadic, which Swift cannot call; these wrap the options journal sets. */
static inline int journal_git_enable_fsync(int enabled) {
  return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}
