// ReadValue/Assign: a variable carries state from one inference to the next, per request,
// until reset_state().
#include <gtest/gtest.h>

#include "ovkit/core.h"

namespace ovkit {
namespace {

// y = state + x; state = y  (a running sum)
std::shared_ptr<Model> running_sum() {
    auto m = std::make_shared<Model>();
    Output x = m->add_parameter("x", ElementType::f32, PartialShape{2})->output(0);
    Output init = m->add_constant(Tensor::from_vector(std::vector<float>{0, 0}, {2}));
    Output state = m->add("ReadValue", {init}, Attributes{{"variable_id", std::string("sum")}})->output(0);
    Output y = m->add("Add", {state, x})->output(0);
    m->add_sink(m->add("Assign", {y}, Attributes{{"variable_id", std::string("sum")}}));
    m->add_result(y, "y");
    return m;
}

std::vector<float> run(InferRequest& r, std::vector<float> x) {
    r.set_input_tensor(0, Tensor::from_vector(x, {2}));
    r.infer();
    Tensor y = r.get_output_tensor(0);
    return {y.data<float>()[0], y.data<float>()[1]};
}

TEST(ReadValueAssign, StateCarriesAcrossInfersF32) {
    auto compiled = Core().compile_model(running_sum(), "REFERENCE");
    InferRequest r = compiled.create_infer_request();
    EXPECT_EQ(run(r, {1, 2}), (std::vector<float>{1, 2}));
    EXPECT_EQ(run(r, {1, 2}), (std::vector<float>{2, 4}));
    EXPECT_EQ(run(r, {10, 0}), (std::vector<float>{12, 4}));
}

TEST(ReadValueAssign, RequestsKeepSeparateStateAndResetClearsIt) {
    auto compiled = Core().compile_model(running_sum(), "REFERENCE");
    InferRequest a = compiled.create_infer_request(), b = compiled.create_infer_request();
    run(a, {1, 1});
    EXPECT_EQ(run(a, {1, 1}), (std::vector<float>{2, 2}));
    EXPECT_EQ(run(b, {5, 5}), (std::vector<float>{5, 5}));
    a.reset_state();
    EXPECT_EQ(run(a, {3, 4}), (std::vector<float>{3, 4}));
}

TEST(ReadValueAssign, MissingVariableIdIsAnError) {
    Model m;
    Output x = m.add_parameter("x", ElementType::f32, PartialShape{2})->output(0);
    EXPECT_THROW(m.add("ReadValue", {x}), Exception);
}

}  // namespace
}  // namespace ovkit
