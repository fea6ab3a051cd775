// Generator functions as classes: see generator.cpp.
#pragma once
#include <memory>

#include "flowspace/model.h"

namespace rpy {

struct GeneratorParts {
  std::unique_ptr<FunctionGraph> ctor;  // the generator function: builds the frame
  std::unique_ptr<FunctionGraph> next;  // frame.__next__
  std::unique_ptr<FunctionGraph> iter;  // frame.__iter__
  py::object frame_class;               // made at translation time
  py::object next_stub, iter_stub;      // the class's methods, whose graphs these are
};

// `body` is the flow graph of the generator function, with `yield_` ops.
GeneratorParts transform_generator(std::unique_ptr<FunctionGraph> body, py::handle func);

}  // namespace rpy
