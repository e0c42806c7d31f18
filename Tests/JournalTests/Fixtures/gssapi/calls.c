// Calls GSS-API as libgit2 does, through whatever defines the names it is linked with, and
// prints each major status; with the real library loaded, compares the name type
// GSS_C_NT_HOSTBASED_SERVICE it was given with the library's own.
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef uint32_t OM_uint32;
typedef struct { size_t length; void *value; } gss_buffer_desc;
typedef struct { OM_uint32 length; void *elements; } gss_OID_desc;

extern gss_OID_desc *GSS_C_NT_HOSTBASED_SERVICE;
OM_uint32 gss_import_name(OM_uint32 *, gss_buffer_desc *, gss_OID_desc *, void **);
OM_uint32 gss_release_name(OM_uint32 *, void **);
OM_uint32 gss_display_status(OM_uint32 *, OM_uint32, int, gss_OID_desc *, OM_uint32 *, gss_buffer_desc *);
OM_uint32 gss_release_buffer(OM_uint32 *, gss_buffer_desc *);
OM_uint32 gss_indicate_mechs(OM_uint32 *, void **);
OM_uint32 gss_release_oid_set(OM_uint32 *, void **);
OM_uint32 gss_init_sec_context(OM_uint32 *, void *, void **, void *, void *, OM_uint32, OM_uint32, void *, void *,
                               void **, void *, OM_uint32 *, OM_uint32 *);
OM_uint32 gss_delete_sec_context(OM_uint32 *, void **, void *);

int main(int argc, char **argv) {
  OM_uint32 minor = 0;
  char service[] = "HTTP@git.example.com";
  gss_buffer_desc name = {strlen(service), service};
  void *imported = NULL;
  OM_uint32 major = gss_import_name(&minor, &name, GSS_C_NT_HOSTBASED_SERVICE, &imported);
  printf("import_name %u\n", major);

  // No Kerberos credentials here: the library refuses, as it would for libgit2.
  void *context = NULL;
  gss_buffer_desc input = {0, NULL}, output = {0, NULL};
  OM_uint32 init = gss_init_sec_context(&minor, NULL, &context, imported, NULL, 0, 0, NULL, &input, NULL, &output,
                                        NULL, NULL);
  printf("init_sec_context %u\n", init);
  if (context != NULL) gss_delete_sec_context(&minor, &context, NULL);
  if (major == 0) gss_release_name(&minor, &imported);

  OM_uint32 more = 0;
  gss_buffer_desc text = {0, NULL};
  major = gss_display_status(&minor, 13u << 16, 1, NULL, &more, &text);
  printf("display_status %u %.*s\n", major, (int)text.length, (char *)text.value);
  if (major == 0) gss_release_buffer(&minor, &text);

  void *mechanisms = NULL;
  major = gss_indicate_mechs(&minor, &mechanisms);
  printf("indicate_mechs %u\n", major);
  if (major == 0) gss_release_oid_set(&minor, &mechanisms);

  if (argc > 1) {
    void *library = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    gss_OID_desc **own = library ? dlsym(library, "GSS_C_NT_HOSTBASED_SERVICE") : NULL;
    int same = own != NULL && (*own)->length == GSS_C_NT_HOSTBASED_SERVICE->length &&
               memcmp((*own)->elements, GSS_C_NT_HOSTBASED_SERVICE->elements, (*own)->length) == 0;
    printf("name type %s\n", same ? "same" : "different");
  }
  return 0;
}
