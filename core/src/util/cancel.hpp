#pragma once
// Process-wide cancellation: Ctrl-C asks long work to stop at the next batch.
namespace rebuy::core {

void request_cancel() noexcept;
bool cancel_requested() noexcept;
// Routes SIGINT and SIGTERM to request_cancel(); a second signal ends the process.
void install_cancel_handler();

} // namespace rebuy::core
