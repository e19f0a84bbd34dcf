// rebuy plugin SDK: a rebuy_input over bytes already in memory.
//
// probe() only has the head of a file as a string; wrapping it as an input
// lets it run the very parser the importer uses, so the two never disagree.
// Tests use it too, with a small max_read to cut the text into tiny chunks.
#ifndef REBUY_STRING_INPUT_HPP
#define REBUY_STRING_INPUT_HPP

#include <rebuy/plugin_abi.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>

namespace rebuy {

class string_input {
public:
  explicit string_input(std::string_view text, std::string_view name = {},
                        size_t max_read = std::numeric_limits<size_t>::max()) noexcept
      : text_(text), max_read_(max_read ? max_read : 1) {
    in_.struct_size = sizeof(rebuy_input);
    in_.context = this;
    in_.name = {name.data(), name.size()};
    in_.size_hint = text.size();
    in_.read = &string_input::read;
  }
  // in_.context points at this object, so it must stay where it is.
  string_input(const string_input &) = delete;
  string_input &operator=(const string_input &) = delete;

  const rebuy_input *get() const noexcept { return &in_; }

private:
  static int64_t read(void *context, char *buffer, size_t capacity) noexcept {
    auto *self = static_cast<string_input *>(context);
    size_t n = std::min({capacity, self->max_read_, self->text_.size() - self->pos_});
    if (n) std::memcpy(buffer, self->text_.data() + self->pos_, n);
    self->pos_ += n;
    return static_cast<int64_t>(n);
  }

  std::string_view text_;
  size_t pos_ = 0;
  size_t max_read_;
  rebuy_input in_{};
};

} // namespace rebuy

#endif // REBUY_STRING_INPUT_HPP
