// Makes an SSH session with libssh2 as libgit2 does, through whatever defines the names it is
// linked with, and prints what each call answers: arguments are the port of an sshd on
// 127.0.0.1, the user, the known_hosts file and the private key (its public key beside it,
// with .pub). With no arguments it only starts a session, to see it fail without the library.
#include <arpa/inet.h>
#include <libssh2.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void lastError(LIBSSH2_SESSION *session, const char *what) {
  char *message = NULL;
  int length = 0;
  int code = libssh2_session_last_error(session, &message, &length, 0);
  printf("%s: last error %d %.*s\n", what, code, length, message ? message : "");
}

int main(int argc, char **argv) {
  printf("init %d\n", libssh2_init(0));
  LIBSSH2_SESSION *session = libssh2_session_init_ex(NULL, NULL, NULL, NULL);
  printf("session %s\n", session ? "made" : "null");
  if (session == NULL || argc < 5) {
    if (session) libssh2_session_free(session);
    libssh2_exit();
    return 0;
  }
  const char *user = argv[2], *knownHosts = argv[3], *key = argv[4];
  char publicKey[4096];
  snprintf(publicKey, sizeof publicKey, "%s.pub", key);

  int sock = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[1]))};
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (connect(sock, (struct sockaddr *)&address, sizeof address) != 0) {
    printf("connect failed\n");
    return 1;
  }
  libssh2_session_set_blocking(session, 1);
  printf("method_pref %d\n", libssh2_session_method_pref(session, LIBSSH2_METHOD_HOSTKEY, "ssh-ed25519"));
  printf("handshake %d\n", libssh2_session_handshake(session, sock));
  void **abstract = libssh2_session_abstract(session);
  printf("abstract %s\n", abstract ? "given" : "null");

  const unsigned char *hash = (const unsigned char *)libssh2_hostkey_hash(session, LIBSSH2_HOSTKEY_HASH_SHA256);
  printf("hostkey_hash ");
  for (int i = 0; hash && i < 32; i++) printf("%02x", hash[i]);
  printf("\n");
  size_t keyLength = 0;
  int keyType = 0;
  const char *hostKey = libssh2_session_hostkey(session, &keyLength, &keyType);
  printf("hostkey %zu %d\n", keyLength, keyType);

  LIBSSH2_KNOWNHOSTS *hosts = libssh2_knownhost_init(session);
  printf("knownhost_readfile %d\n", libssh2_knownhost_readfile(hosts, knownHosts, LIBSSH2_KNOWNHOST_FILE_OPENSSH));
  struct libssh2_knownhost *found = NULL;
  int check = libssh2_knownhost_checkp(hosts, "127.0.0.1", atoi(argv[1]), hostKey, keyLength,
                                       LIBSSH2_KNOWNHOST_TYPE_PLAIN | LIBSSH2_KNOWNHOST_KEYENC_RAW, &found);
  printf("knownhost_checkp %d\n", check);
  libssh2_knownhost_free(hosts);

  char *methods = libssh2_userauth_list(session, user, (unsigned)strlen(user));
  printf("userauth_list %s\n", methods ? methods : "(none)");
  int password = libssh2_userauth_password_ex(session, user, (unsigned)strlen(user), "wrong", 5, NULL);
  printf("userauth_password %d\n", password);
  lastError(session, "password");
  int byFile = libssh2_userauth_publickey_fromfile_ex(session, user, (unsigned)strlen(user), publicKey, key, NULL);
  printf("userauth_publickey_fromfile %d\n", byFile);
  printf("authenticated %d\n", libssh2_userauth_authenticated(session));

  LIBSSH2_CHANNEL *channel = libssh2_channel_open_ex(session, "session", 7, LIBSSH2_CHANNEL_WINDOW_DEFAULT,
                                                     LIBSSH2_CHANNEL_PACKET_DEFAULT, NULL, 0);
  printf("channel %s\n", channel ? "open" : "null");
  if (channel) {
    const char *command = "cat";
    printf("process_startup %d\n", libssh2_channel_process_startup(channel, "exec", 4, command, (unsigned)strlen(command)));
    printf("write %zd\n", libssh2_channel_write_ex(channel, 0, "on demand\n", 10));
    libssh2_channel_set_blocking(channel, 1);
    char buffer[64];
    ssize_t got = libssh2_channel_read_ex(channel, 0, buffer, sizeof buffer);
    printf("read %zd %.*s", got, got > 0 ? (int)got : 0, buffer);
    printf("close %d\n", libssh2_channel_close(channel));
    printf("free %d\n", libssh2_channel_free(channel));
  }

  LIBSSH2_AGENT *agent = libssh2_agent_init(session);
  printf("agent %s\n", agent ? "made" : "null");
  if (agent) libssh2_agent_free(agent);

  printf("disconnect %d\n", libssh2_session_disconnect_ex(session, SSH_DISCONNECT_BY_APPLICATION, "done", ""));
  printf("session_free %d\n", libssh2_session_free(session));
  close(sock);
  libssh2_exit();
  return 0;
}
