// A well-formed importer that throws from open and from read: the SDK layer
// must turn both into error statuses with the message, and the host must go on.
#include <rebuy/plugin.hpp>

#include <string>

namespace {

class throwing_importer : public rebuy::importer {
public:
  static int probe(std::string_view head, std::string_view) noexcept {
    return head.rfind("THROW", 0) == 0 ? 100 : 0;
  }
  throwing_importer(const rebuy::host &, const rebuy::input &in, const rebuy::options &) {
    char buffer[64];
    auto n = in.read(buffer, sizeof buffer);
    if (std::string(buffer, n).find("open") != std::string::npos)
      throw rebuy::error("cannot open: this file says so");
  }
  rebuy::source_description describe() const override { return {}; }
  bool read_batch(rebuy::batch_builder &out, size_t) override {
    if (rows_++ < 2) {
      out.begin_record(rows_, REBUY_RECORD_SURVEY);
      out.field(REBUY_ROLE_TEXT, "text", "fine row");
      return true;
    }
    throw std::runtime_error("read exploded at row 3");
  }

private:
  size_t rows_ = 0;
};

} // namespace

REBUY_IMPORTER_PLUGIN(throwing_importer, "throwing", "Throwing importer", "1.0.0",
                      "Fails on purpose, for tests")
