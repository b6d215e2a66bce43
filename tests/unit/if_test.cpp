// If: bodies follow the outer input shapes (reshape re-infers them), branch outputs of
// different shapes merge into dynamic dimensions, and the chosen branch runs.
#include <gtest/gtest.h>

#include "ovkit/core.h"

namespace ovkit {
namespace {

// then: x * x ; else: Constant [1, 1, 1, 1]
std::shared_ptr<Model> square_or_ones() {
    auto then_body = std::make_shared<Model>();
    Output p = then_body->add_parameter("p", ElementType::f32, PartialShape::dynamic())->output(0);
    then_body->add_result(then_body->add("Multiply", {p, p})->output(0));
    auto else_body = std::make_shared<Model>();
    else_body->add_result(else_body->add_constant(Tensor::from_vector(std::vector<float>{1, 1, 1, 1}, {4})));

    auto m = std::make_shared<Model>();
    Output cond = m->add_parameter("cond", ElementType::boolean, PartialShape{})->output(0);
    Output x = m->add_parameter("x", ElementType::f32, PartialShape{Dimension::dynamic()})->output(0);
    Node* n = m->add_with("If", {cond, x}, {}, "if", [&](Node& node) {
        node.bodies = {then_body, else_body};
        node.body_inputs = {BodyInput{0, 1, 0}};
        node.body_outputs = {BodyOutput{0, 0, 0}, BodyOutput{1, 0, 0}};
        node.outputs.resize(1);
    });
    m->add_result(n->output(0), "y");
    return m;
}

TEST(If, BodyShapesFollowOuterInputsOnReshape) {
    auto m = square_or_ones();
    EXPECT_EQ(m->find("if")->bodies[0]->parameters()[0]->outputs[0].shape, PartialShape{Dimension::dynamic()});
    reshape(*m, {{"x", PartialShape{3}}});
    const Node* n = m->find("if");
    EXPECT_EQ(n->bodies[0]->parameters()[0]->outputs[0].shape, PartialShape{3});
    EXPECT_EQ(n->outputs[0].shape, (PartialShape{Dimension(3, 4)}));  // 3 (then) or 4 (else)
}

TEST(If, RunsTheChosenBranchF32) {
    auto compiled = Core().compile_model(square_or_ones(), "REFERENCE");
    InferRequest r = compiled.create_infer_request();
    r.set_input_tensor(1, Tensor::from_vector(std::vector<float>{1, 2, 3}, {3}));
    r.set_input_tensor(0, Tensor::from_vector(std::vector<bool>{true}, {}));
    r.infer();
    Tensor y = r.get_output_tensor(0);
    ASSERT_EQ(y.shape(), (Shape{3}));
    EXPECT_EQ(y.as_double(), (std::vector<double>{1, 4, 9}));
    r.set_input_tensor(0, Tensor::from_vector(std::vector<bool>{false}, {}));
    r.infer();
    EXPECT_EQ(r.get_output_tensor(0).as_double(), (std::vector<double>{1, 1, 1, 1}));
}

TEST(If, NonBooleanConditionIsAnError) {
    auto m = std::make_shared<Model>();
    Output cond = m->add_parameter("cond", ElementType::f32, PartialShape{})->output(0);
    auto body = std::make_shared<Model>();
    body->add_result(body->add_constant(Tensor::from_vector(std::vector<float>{1}, {1})));
    EXPECT_THROW(m->add_with("If", {cond}, {}, "if",
                             [&](Node& node) {
                                 node.bodies = {body, body};
                                 node.body_outputs = {BodyOutput{0, 0, 0}, BodyOutput{1, 0, 0}};
                                 node.outputs.resize(1);
                             }),
                 Exception);
}

}  // namespace
}  // namespace ovkit
