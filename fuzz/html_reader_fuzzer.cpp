// libFuzzer target: the html reader (dyad::open_reader with InputFormat::Html),
// then the coder on every report it yields.
#include "reader_fuzz.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  dyad::fuzz::coder();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dyad::fuzz::read_and_code(data, size, dyad::InputFormat::Html, "page.html");
  return 0;
}
