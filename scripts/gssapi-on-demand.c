// GSS-API on demand, for the release build of scripts/build.
//
// libgit2 calls GSS-API (Kerberos) only to answer an HTTP server that asks for Negotiate
// authentication, which most runs of journal never meet. Linked directly, libgssapi_krb5 and
// the six libraries it needs are loaded and relocated at every start (for `journal check` of
// SampleJournal, 56 of its 872 page faults and 0.5 M of its 24 M instructions). Debian ships
// no archive of them, so scripts/build links this file in their place: it defines the nine
// names libgit2 uses and loads the real library with dlopen the first time one of them is
// called, then forwards every call to it unchanged. If the library cannot be loaded, each call fails as a GSS-API call fails
// (GSS_S_FAILURE), and libgit2 reports that the Negotiate authentication failed.
//
// The types are those of the GSS-API C bindings (RFC 2744): OM_uint32 is a 32-bit unsigned
// integer; names, contexts, credentials, buffers, OIDs and OID sets are passed as pointers.

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

typedef uint32_t OM_uint32;

typedef struct {
  OM_uint32 length;
  void *elements;
} gss_OID_desc;

// GSS_C_NT_HOSTBASED_SERVICE is a variable libgit2 reads before any call: its value, the
// OID 1.2.840.113554.1.2.1.4 (RFC 2744, 4.1), is given here. The library compares name types
// by value, never by address.
static gss_OID_desc hostBasedService = {10, (void *)"\x2a\x86\x48\x86\xf7\x12\x01\x02\x01\x04"};
gss_OID_desc *GSS_C_NT_HOSTBASED_SERVICE = &hostBasedService;

#define GSS_S_FAILURE (13u << 16)

static struct {
  OM_uint32 (*delete_sec_context)(OM_uint32 *, void **, void *);
  OM_uint32 (*display_status)(OM_uint32 *, OM_uint32, int, void *, OM_uint32 *, void *);
  OM_uint32 (*import_name)(OM_uint32 *, void *, void *, void **);
  OM_uint32 (*indicate_mechs)(OM_uint32 *, void **);
  OM_uint32 (*init_sec_context)(OM_uint32 *, void *, void **, void *, void *, OM_uint32, OM_uint32, void *,
                                void *, void **, void *, OM_uint32 *, OM_uint32 *);
  OM_uint32 (*release_buffer)(OM_uint32 *, void *);
  OM_uint32 (*release_name)(OM_uint32 *, void **);
  OM_uint32 (*release_oid_set)(OM_uint32 *, void **);
} gss;

// The library libgit2 is linked with on Debian and most other systems (MIT Kerberos); a test
// names another to see the calls fail as they should.
#ifndef GSSAPI_LIBRARY
#define GSSAPI_LIBRARY "libgssapi_krb5.so.2"
#endif

static pthread_once_t loaded = PTHREAD_ONCE_INIT;
static int available;

static void load(void) {
  void *library = dlopen(GSSAPI_LIBRARY, RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) return;
  void **slots[] = {
      (void **)&gss.delete_sec_context, (void **)&gss.display_status, (void **)&gss.import_name,
      (void **)&gss.indicate_mechs,     (void **)&gss.init_sec_context, (void **)&gss.release_buffer,
      (void **)&gss.release_name,       (void **)&gss.release_oid_set,
  };
  const char *names[] = {
      "gss_delete_sec_context", "gss_display_status", "gss_import_name", "gss_indicate_mechs",
      "gss_init_sec_context",   "gss_release_buffer", "gss_release_name", "gss_release_oid_set",
  };
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    *slots[i] = dlsym(library, names[i]);
    if (*slots[i] == NULL) return;
  }
  available = 1;
}

// Loads the library once; false when it could not be, with the minor status cleared.
static int ready(OM_uint32 *minor) {
  pthread_once(&loaded, load);
  if (!available && minor != NULL) *minor = 0;
  return available;
}

OM_uint32 gss_delete_sec_context(OM_uint32 *minor, void **context, void *output) {
  return ready(minor) ? gss.delete_sec_context(minor, context, output) : GSS_S_FAILURE;
}

OM_uint32 gss_display_status(OM_uint32 *minor, OM_uint32 status, int type, void *mech, OM_uint32 *more,
                             void *text) {
  return ready(minor) ? gss.display_status(minor, status, type, mech, more, text) : GSS_S_FAILURE;
}

OM_uint32 gss_import_name(OM_uint32 *minor, void *buffer, void *type, void **name) {
  return ready(minor) ? gss.import_name(minor, buffer, type, name) : GSS_S_FAILURE;
}

OM_uint32 gss_indicate_mechs(OM_uint32 *minor, void **mechs) {
  return ready(minor) ? gss.indicate_mechs(minor, mechs) : GSS_S_FAILURE;
}

OM_uint32 gss_init_sec_context(OM_uint32 *minor, void *credential, void **context, void *target, void *mech,
                               OM_uint32 flags, OM_uint32 time, void *bindings, void *input, void **actual,
                               void *output, OM_uint32 *returned, OM_uint32 *lifetime) {
  return ready(minor) ? gss.init_sec_context(minor, credential, context, target, mech, flags, time, bindings,
                                             input, actual, output, returned, lifetime)
                      : GSS_S_FAILURE;
}

OM_uint32 gss_release_buffer(OM_uint32 *minor, void *buffer) {
  return ready(minor) ? gss.release_buffer(minor, buffer) : GSS_S_FAILURE;
}

OM_uint32 gss_release_name(OM_uint32 *minor, void **name) {
  return ready(minor) ? gss.release_name(minor, name) : GSS_S_FAILURE;
}

OM_uint32 gss_release_oid_set(OM_uint32 *minor, void **set) {
  return ready(minor) ? gss.release_oid_set(minor, set) : GSS_S_FAILURE;
}
