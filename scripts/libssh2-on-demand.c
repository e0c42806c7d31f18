// libssh2 on demand, for the release build of scripts/build.
//
// libgit2 calls libssh2 only to fetch or push over ssh://, which only `journal share` and
// `journal forget` of a shared person do. Linked in from Debian's archive, libssh2 brings
// OpenSSL's libcrypto and libssl with it, and the loader relocates their 16,600 pointers (in
// 88 pages, one copy-on-write page fault each) and runs OpenSSL's set-up at every start,
// `journal check` and `journal --version` included. scripts/build links this file in their
// place: it defines the 37 names libgit2 uses and loads the shared libssh2 with dlopen the
// first time libgit2 makes an SSH session, then forwards every call to it unchanged.
//
// libgit2 calls libssh2_init once, when it is itself initialised, for every git command; the
// call is kept and made on the library when it is loaded (libssh2_init needs only to come
// before the first session, which the library also checks). If the library cannot be loaded
// or initialised, libssh2_session_init_ex returns NULL, as it does when out of memory, and
// libgit2 reports that it failed to initialise the SSH session; every other call needs a
// session or what one made, so none is reached then, and each fails as libssh2 fails a call.
//
// The prototypes are libssh2's own (libssh2.h, from libssh2-1-dev, which libgit2-dev needs),
// so the compiler checks every definition here against the library's. The definitions are
// hidden: the shared libssh2, once loaded, must bind its own calls to its own functions.

#include <dlfcn.h>
#include <libssh2.h>
#include <pthread.h>
#include <stddef.h>

// The library libgit2 is linked with on Debian; a test names another to see the calls fail
// as they should.
#ifndef LIBSSH2_LIBRARY
#define LIBSSH2_LIBRARY "libssh2.so.1"
#endif

#define STAND_IN __attribute__((visibility("hidden")))

#define FUNCTIONS(X)                                                                                      \
  X(libssh2_init) X(libssh2_exit) X(libssh2_session_init_ex) X(libssh2_session_abstract)                 \
  X(libssh2_session_handshake) X(libssh2_session_disconnect_ex) X(libssh2_session_free)                  \
  X(libssh2_hostkey_hash) X(libssh2_session_hostkey) X(libssh2_session_method_pref)                      \
  X(libssh2_session_last_error) X(libssh2_session_set_blocking) X(libssh2_userauth_list)                 \
  X(libssh2_userauth_authenticated) X(libssh2_userauth_password_ex)                                      \
  X(libssh2_userauth_publickey_fromfile_ex) X(libssh2_userauth_publickey)                                \
  X(libssh2_userauth_publickey_frommemory) X(libssh2_userauth_keyboard_interactive_ex)                   \
  X(libssh2_channel_open_ex) X(libssh2_channel_process_startup) X(libssh2_channel_read_ex)               \
  X(libssh2_channel_write_ex) X(libssh2_channel_set_blocking) X(libssh2_channel_close)                   \
  X(libssh2_channel_free) X(libssh2_knownhost_init) X(libssh2_knownhost_checkp)                          \
  X(libssh2_knownhost_free) X(libssh2_knownhost_readfile) X(libssh2_agent_init) X(libssh2_agent_connect) \
  X(libssh2_agent_list_identities) X(libssh2_agent_get_identity) X(libssh2_agent_userauth)               \
  X(libssh2_agent_disconnect) X(libssh2_agent_free)

#define SLOT(name) __typeof__(name) *name;
static struct {
  FUNCTIONS(SLOT)
} real;

static pthread_once_t loaded = PTHREAD_ONCE_INIT;
static int available;
// The flags of libgit2's libssh2_init, given to the library's when it is loaded.
static int initFlags;
static int initCalled;

static void load(void) {
  void *library = dlopen(LIBSSH2_LIBRARY, RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) return;
#define LOOK(name)                                                 \
  if ((real.name = (__typeof__(real.name))dlsym(library, #name)) == NULL) return;
  FUNCTIONS(LOOK)
  if (initCalled && real.libssh2_init(initFlags) != 0) return;
  available = 1;
}

// Loads the library once; false when it could not be loaded or initialised.
static int ready(void) {
  pthread_once(&loaded, load);
  return available;
}

// What a call answers without the library: libssh2's "invalid argument" error.
#define FAILED LIBSSH2_ERROR_INVAL

STAND_IN int libssh2_init(int flags) {
  initFlags = flags;
  initCalled = 1;
  return 0;
}

// Only a library that was loaded has anything to free.
STAND_IN void libssh2_exit(void) {
  if (available) real.libssh2_exit();
}

STAND_IN LIBSSH2_SESSION *libssh2_session_init_ex(void *(*my_alloc)(size_t count, void **abstract),
                                                  void (*my_free)(void *ptr, void **abstract),
                                                  void *(*my_realloc)(void *ptr, size_t count, void **abstract),
                                                  void *abstract) {
  return ready() ? real.libssh2_session_init_ex(my_alloc, my_free, my_realloc, abstract) : NULL;
}

STAND_IN void **libssh2_session_abstract(LIBSSH2_SESSION *session) {
  return ready() ? real.libssh2_session_abstract(session) : NULL;
}

STAND_IN int libssh2_session_handshake(LIBSSH2_SESSION *session, libssh2_socket_t sock) {
  return ready() ? real.libssh2_session_handshake(session, sock) : FAILED;
}

STAND_IN int libssh2_session_disconnect_ex(LIBSSH2_SESSION *session, int reason, const char *description,
                                           const char *lang) {
  return ready() ? real.libssh2_session_disconnect_ex(session, reason, description, lang) : FAILED;
}

STAND_IN int libssh2_session_free(LIBSSH2_SESSION *session) {
  return ready() ? real.libssh2_session_free(session) : FAILED;
}

STAND_IN const char *libssh2_hostkey_hash(LIBSSH2_SESSION *session, int hash_type) {
  return ready() ? real.libssh2_hostkey_hash(session, hash_type) : NULL;
}

STAND_IN const char *libssh2_session_hostkey(LIBSSH2_SESSION *session, size_t *len, int *type) {
  return ready() ? real.libssh2_session_hostkey(session, len, type) : NULL;
}

STAND_IN int libssh2_session_method_pref(LIBSSH2_SESSION *session, int method_type, const char *prefs) {
  return ready() ? real.libssh2_session_method_pref(session, method_type, prefs) : FAILED;
}

STAND_IN int libssh2_session_last_error(LIBSSH2_SESSION *session, char **errmsg, int *errmsg_len, int want_buf) {
  if (ready()) return real.libssh2_session_last_error(session, errmsg, errmsg_len, want_buf);
  if (errmsg != NULL) *errmsg = (char *)"libssh2 could not be loaded";
  if (errmsg_len != NULL) *errmsg_len = 27;
  return FAILED;
}

STAND_IN void libssh2_session_set_blocking(LIBSSH2_SESSION *session, int blocking) {
  if (ready()) real.libssh2_session_set_blocking(session, blocking);
}

STAND_IN char *libssh2_userauth_list(LIBSSH2_SESSION *session, const char *username, unsigned int username_len) {
  return ready() ? real.libssh2_userauth_list(session, username, username_len) : NULL;
}

STAND_IN int libssh2_userauth_authenticated(LIBSSH2_SESSION *session) {
  return ready() ? real.libssh2_userauth_authenticated(session) : 0;
}

STAND_IN int libssh2_userauth_password_ex(LIBSSH2_SESSION *session, const char *username, unsigned int username_len,
                                          const char *password, unsigned int password_len,
                                          void (*passwd_change_cb)(LIBSSH2_SESSION *session, char **newpw,
                                                                   int *newpw_len, void **abstract)) {
  return ready() ? real.libssh2_userauth_password_ex(session, username, username_len, password, password_len,
                                                     passwd_change_cb)
                 : FAILED;
}

STAND_IN int libssh2_userauth_publickey_fromfile_ex(LIBSSH2_SESSION *session, const char *username,
                                                    unsigned int username_len, const char *publickey,
                                                    const char *privatekey, const char *passphrase) {
  return ready() ? real.libssh2_userauth_publickey_fromfile_ex(session, username, username_len, publickey,
                                                               privatekey, passphrase)
                 : FAILED;
}

STAND_IN int libssh2_userauth_publickey(LIBSSH2_SESSION *session, const char *username,
                                        const unsigned char *pubkeydata, size_t pubkeydata_len,
                                        int (*sign_callback)(LIBSSH2_SESSION *session, unsigned char **sig,
                                                             size_t *sig_len, const unsigned char *data,
                                                             size_t data_len, void **abstract),
                                        void **abstract) {
  return ready() ? real.libssh2_userauth_publickey(session, username, pubkeydata, pubkeydata_len, sign_callback,
                                                   abstract)
                 : FAILED;
}

STAND_IN int libssh2_userauth_publickey_frommemory(LIBSSH2_SESSION *session, const char *username,
                                                   size_t username_len, const char *publickeyfiledata,
                                                   size_t publickeyfiledata_len, const char *privatekeyfiledata,
                                                   size_t privatekeyfiledata_len, const char *passphrase) {
  return ready() ? real.libssh2_userauth_publickey_frommemory(session, username, username_len, publickeyfiledata,
                                                              publickeyfiledata_len, privatekeyfiledata,
                                                              privatekeyfiledata_len, passphrase)
                 : FAILED;
}

STAND_IN int libssh2_userauth_keyboard_interactive_ex(
    LIBSSH2_SESSION *session, const char *username, unsigned int username_len,
    void (*response_callback)(const char *name, int name_len, const char *instruction, int instruction_len,
                              int num_prompts, const LIBSSH2_USERAUTH_KBDINT_PROMPT *prompts,
                              LIBSSH2_USERAUTH_KBDINT_RESPONSE *responses, void **abstract)) {
  return ready() ? real.libssh2_userauth_keyboard_interactive_ex(session, username, username_len, response_callback)
                 : FAILED;
}

STAND_IN LIBSSH2_CHANNEL *libssh2_channel_open_ex(LIBSSH2_SESSION *session, const char *channel_type,
                                                  unsigned int channel_type_len, unsigned int window_size,
                                                  unsigned int packet_size, const char *message,
                                                  unsigned int message_len) {
  return ready() ? real.libssh2_channel_open_ex(session, channel_type, channel_type_len, window_size, packet_size,
                                                message, message_len)
                 : NULL;
}

STAND_IN int libssh2_channel_process_startup(LIBSSH2_CHANNEL *channel, const char *request, unsigned int request_len,
                                             const char *message, unsigned int message_len) {
  return ready() ? real.libssh2_channel_process_startup(channel, request, request_len, message, message_len)
                 : FAILED;
}

STAND_IN ssize_t libssh2_channel_read_ex(LIBSSH2_CHANNEL *channel, int stream_id, char *buf, size_t buflen) {
  return ready() ? real.libssh2_channel_read_ex(channel, stream_id, buf, buflen) : FAILED;
}

STAND_IN ssize_t libssh2_channel_write_ex(LIBSSH2_CHANNEL *channel, int stream_id, const char *buf, size_t buflen) {
  return ready() ? real.libssh2_channel_write_ex(channel, stream_id, buf, buflen) : FAILED;
}

STAND_IN void libssh2_channel_set_blocking(LIBSSH2_CHANNEL *channel, int blocking) {
  if (ready()) real.libssh2_channel_set_blocking(channel, blocking);
}

STAND_IN int libssh2_channel_close(LIBSSH2_CHANNEL *channel) {
  return ready() ? real.libssh2_channel_close(channel) : FAILED;
}

STAND_IN int libssh2_channel_free(LIBSSH2_CHANNEL *channel) {
  return ready() ? real.libssh2_channel_free(channel) : FAILED;
}

STAND_IN LIBSSH2_KNOWNHOSTS *libssh2_knownhost_init(LIBSSH2_SESSION *session) {
  return ready() ? real.libssh2_knownhost_init(session) : NULL;
}

STAND_IN int libssh2_knownhost_checkp(LIBSSH2_KNOWNHOSTS *hosts, const char *host, int port, const char *key,
                                      size_t keylen, int typemask, struct libssh2_knownhost **knownhost) {
  return ready() ? real.libssh2_knownhost_checkp(hosts, host, port, key, keylen, typemask, knownhost)
                 : LIBSSH2_KNOWNHOST_CHECK_FAILURE;
}

STAND_IN void libssh2_knownhost_free(LIBSSH2_KNOWNHOSTS *hosts) {
  if (ready()) real.libssh2_knownhost_free(hosts);
}

STAND_IN int libssh2_knownhost_readfile(LIBSSH2_KNOWNHOSTS *hosts, const char *filename, int type) {
  return ready() ? real.libssh2_knownhost_readfile(hosts, filename, type) : FAILED;
}

STAND_IN LIBSSH2_AGENT *libssh2_agent_init(LIBSSH2_SESSION *session) {
  return ready() ? real.libssh2_agent_init(session) : NULL;
}

STAND_IN int libssh2_agent_connect(LIBSSH2_AGENT *agent) {
  return ready() ? real.libssh2_agent_connect(agent) : FAILED;
}

STAND_IN int libssh2_agent_list_identities(LIBSSH2_AGENT *agent) {
  return ready() ? real.libssh2_agent_list_identities(agent) : FAILED;
}

STAND_IN int libssh2_agent_get_identity(LIBSSH2_AGENT *agent, struct libssh2_agent_publickey **store,
                                        struct libssh2_agent_publickey *prev) {
  return ready() ? real.libssh2_agent_get_identity(agent, store, prev) : FAILED;
}

STAND_IN int libssh2_agent_userauth(LIBSSH2_AGENT *agent, const char *username,
                                    struct libssh2_agent_publickey *identity) {
  return ready() ? real.libssh2_agent_userauth(agent, username, identity) : FAILED;
}

STAND_IN int libssh2_agent_disconnect(LIBSSH2_AGENT *agent) {
  return ready() ? real.libssh2_agent_disconnect(agent) : FAILED;
}

STAND_IN void libssh2_agent_free(LIBSSH2_AGENT *agent) {
  if (ready()) real.libssh2_agent_free(agent);
}
