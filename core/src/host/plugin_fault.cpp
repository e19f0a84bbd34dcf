#include "host/plugin_fault.hpp"

#include <atomic>
#include <csignal>
#include <ctime>
#include <iterator>
#include <memory>
#include <string_view>

#include <fcntl.h>
#include <unistd.h>

namespace rebuy::core {
namespace {

thread_local const in_plugin *current_call = nullptr;
// A stack for the handler, so that a plugin that overflows its own still gets a message.
thread_local std::unique_ptr<char[]> alternate_stack;
constexpr size_t alternate_stack_size = 64 * 1024;

std::string verdicts_path; // set once, before any plugin runs
std::atomic<bool> handling{false};
constexpr int fatal_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
struct sigaction previous_actions[std::size(fatal_signals)];

// Text assembled without allocating: the handler cannot trust the heap.
struct text_buffer {
  char data[8192];
  size_t size = 0;
  void add(std::string_view s) {
    for (char c : s)
      if (size < sizeof data) data[size++] = c;
  }
  void add_escaped(std::string_view s) {
    for (char c : s) {
      if (c == '\\')
        add("\\\\");
      else if (c == '\t')
        add("\\t");
      else if (c == '\n')
        add("\\n");
      else
        add(std::string_view(&c, 1));
    }
  }
  void add_number(uint64_t n) {
    char digits[24];
    size_t i = sizeof digits;
    do {
      digits[--i] = static_cast<char>('0' + n % 10);
      n /= 10;
    } while (n);
    add(std::string_view(digits + i, sizeof digits - i));
  }
  void write_to(int fd) const {
    size_t done = 0;
    while (done < size) {
      const ssize_t n = ::write(fd, data + done, size - done);
      if (n <= 0) return;
      done += static_cast<size_t>(n);
    }
  }
};

// The report's text, kept off the stack: the handler runs on an alternate signal stack, which
// may be small (AddressSanitizer's is: four buffers there overflowed it), and runs once.
text_buffer message_text, verdict_text, reason_text, warning_text;

const char *signal_name(int sig) {
  switch (sig) {
  case SIGSEGV:
    return "SIGSEGV (invalid memory access)";
  case SIGBUS:
    return "SIGBUS (bus error)";
  case SIGILL:
    return "SIGILL (illegal instruction)";
  case SIGFPE:
    return "SIGFPE (arithmetic error)";
  case SIGABRT:
    return "SIGABRT (it called abort)";
  default:
    return "a fatal signal";
  }
}

void on_fatal_signal(int sig, siginfo_t *, void *);

} // namespace

struct crash_report {
  // "crashed with SIGSEGV (…) while reading FILE, batch N"
  static void add_reason(text_buffer &b, const in_plugin &call, int sig) {
    b.add("crashed with ");
    b.add(signal_name(sig));
    b.add(" while ");
    b.add(call.doing_);
    if (!call.subject_.empty()) {
      b.add(" ");
      b.add(call.subject_);
    }
    if (call.batch_) {
      b.add(", batch ");
      b.add_number(call.batch_);
    }
  }

  [[noreturn]] static void handle(const in_plugin &call, int sig) {
    const plugin &p = call.owner_;
    text_buffer &message = message_text;
    message.add("rebuy: error: plugin '");
    message.add(p.id());
    message.add("' (");
    message.add(p.path().native());
    message.add(") ");
    add_reason(message, call, sig);
    message.add(". It is set aside until its file changes or `rebuy plugins enable ");
    message.add(p.id());
    message.add("`. What was committed before is kept; run the command again to go on "
                "without it.\n");
    message.write_to(STDERR_FILENO);

    if (!verdicts_path.empty()) {
      text_buffer &line = verdict_text;
      line.add("crash\t");
      line.add_escaped(p.path().native());
      line.add("\t");
      line.add_escaped(p.content_hash());
      line.add("\t");
      line.add_escaped(p.id());
      line.add("\t");
      line.add_number(static_cast<uint64_t>(std::time(nullptr)));
      line.add("\t");
      text_buffer &reason = reason_text;
      add_reason(reason, call, sig);
      line.add_escaped(std::string_view(reason.data, reason.size));
      line.add("\n");
      const int fd = ::open(verdicts_path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
      if (fd >= 0) {
        line.write_to(fd);
        ::close(fd);
      } else {
        text_buffer &warn = warning_text;
        warn.add("rebuy: warning: could not record it in ");
        warn.add(verdicts_path);
        warn.add("\n");
        warn.write_to(STDERR_FILENO);
      }
    }
    ::_exit(plugin_crash_exit_code);
  }
};

namespace {

void on_fatal_signal(int sig, siginfo_t *info, void *) {
  // A signal another process sent (kill -SEGV) is no plugin's doing, whichever
  // thread it lands on; abort() sends its own, from the thread that called it.
  const bool sent_from_outside = info->si_code <= 0 && info->si_pid != ::getpid();
  const in_plugin *call = sent_from_outside ? nullptr : current_call;
  if (!call) {
    // rebuy's own fault: whatever handled it before (the default action, or a
    // sanitizer's report), as if this handler were not there. A fault comes
    // again when its instruction runs again; a signal sent (abort) is sent again.
    for (size_t i = 0; i < std::size(fatal_signals); ++i)
      if (fatal_signals[i] == sig) ::sigaction(sig, &previous_actions[i], nullptr);
    if (info->si_code <= 0) ::raise(sig);
    return;
  }
  // Two plugin threads crashing at once: one reports, the other waits for its exit.
  if (handling.exchange(true))
    for (;;)
      ::pause();
  crash_report::handle(*call, sig);
}

} // namespace

void install_plugin_crash_handler(const std::filesystem::path &verdicts_file) {
  verdicts_path = verdicts_file.string();
  if (!verdicts_file.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(verdicts_file.parent_path(), ec);
  }
  struct sigaction action {};
  action.sa_sigaction = on_fatal_signal;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  for (size_t i = 0; i < std::size(fatal_signals); ++i)
    ::sigaction(fatal_signals[i], &action, &previous_actions[i]);
}

in_plugin::in_plugin(const plugin &owner, const char *doing, const std::string &subject,
                     uint64_t batch) noexcept
    : owner_(owner), doing_(doing), subject_(subject), batch_(batch), outer_(current_call) {
  // A thread that has an alternate stack keeps it: AddressSanitizer gives each
  // thread its own and unmaps it when the thread ends, so it must still be there.
  stack_t current{};
  if (!alternate_stack && ::sigaltstack(nullptr, &current) == 0 &&
      (current.ss_flags & SS_DISABLE)) {
    alternate_stack.reset(new (std::nothrow) char[alternate_stack_size]);
    if (alternate_stack) {
      stack_t stack{};
      stack.ss_sp = alternate_stack.get();
      stack.ss_size = alternate_stack_size;
      ::sigaltstack(&stack, nullptr);
    }
  }
  current_call = this;
}

in_plugin::~in_plugin() { current_call = outer_; }

} // namespace rebuy::core
