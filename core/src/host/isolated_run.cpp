#include "host/isolated_run.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

namespace rebuy::core {
namespace {

void write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    data.remove_prefix(static_cast<size_t>(n));
  }
}

std::string read_all(int fd) {
  std::string out;
  char buffer[4096];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return out;
    out.append(buffer, static_cast<size_t>(n));
  }
}

char code_of(check_result::outcome o) {
  return o == check_result::outcome::pass ? 'P' : o == check_result::outcome::fail ? 'F' : 'S';
}

[[noreturn]] void run_child(int fd, const std::function<check_result()> &body,
                            std::chrono::seconds timeout) {
  // The default actions end the process, and the parent reports how: not the
  // crash handler of a rebuy command (plugin_fault.hpp), which would set the
  // plugin aside for a crash in a check.
  for (int sig : {SIGALRM, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT})
    std::signal(sig, SIG_DFL);
  ::alarm(static_cast<unsigned>(timeout.count()));
  check_result result;
  try {
    result = body();
  } catch (const std::exception &e) {
    result = check_result::failed(fmt::format("the check itself failed: {}", e.what()));
  } catch (...) {
    result = check_result::failed("the check itself failed");
  }
  std::string message(1, code_of(result.status));
  message += result.detail;
  write_all(fd, message);
  ::close(fd);
  // Skip atexit handlers and static destructors: they belong to the parent.
  std::fflush(nullptr);
  ::_exit(0);
}

} // namespace

check_result run_isolated(const std::function<check_result()> &body, std::chrono::seconds timeout) {
  int fds[2];
  if (::pipe(fds) != 0)
    return check_result::failed(fmt::format("cannot create a pipe: {}", std::strerror(errno)));
  // Anything buffered now would otherwise be written twice, by both processes.
  std::fflush(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return check_result::failed(fmt::format("cannot fork: {}", std::strerror(errno)));
  }
  if (pid == 0) {
    ::close(fds[0]);
    run_child(fds[1], body, timeout);
  }
  ::close(fds[1]);
  std::string message = read_all(fds[0]);
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }

  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    if (sig == SIGALRM)
      return check_result::failed(
          fmt::format("did not finish within {} s (an endless loop?)", timeout.count()));
    return check_result::failed(
        fmt::format("the plugin crashed: signal {} ({})", sig, ::strsignal(sig)));
  }
  if (message.empty() || WEXITSTATUS(status) != 0)
    return check_result::failed(fmt::format(
        "the plugin ended the process with exit code {} (a sanitizer report or an exit() call? "
        "see the messages above)",
        WEXITSTATUS(status)));
  check_result result;
  result.status = message[0] == 'P'   ? check_result::outcome::pass
                  : message[0] == 'F' ? check_result::outcome::fail
                                      : check_result::outcome::skip;
  result.detail = message.substr(1);
  return result;
}

} // namespace rebuy::core
