#pragma once
// Runs a model node by node with the reference kernels: the oracle every device is
// checked against. Shapes are inferred per node from the actual inputs, so dynamic
// shapes need nothing special.
#include <map>
#include <memory>

#include "ovkit/model.h"
#include "ovkit/op_registry.h"

namespace ovkit::reference {

class Executor {
public:
    explicit Executor(std::shared_ptr<const Model> model);
    // inputs follow model parameters; returns one tensor per result.
    std::vector<Tensor> run(const std::vector<Tensor>& inputs, std::map<std::string, Tensor>& variables) const;

private:
    struct Step {
        const Node* node;
        std::vector<size_t> in_slots;
        size_t first_out_slot;
        std::vector<size_t> release;  // slots whose last reader is this step
    };
    std::shared_ptr<const Model> model_;
    std::vector<Step> steps_;
    std::vector<std::pair<size_t, Tensor>> constants_;
    std::vector<size_t> param_slots_, result_slots_;
    size_t slot_count_ = 0;
    std::map<const Model*, std::unique_ptr<Executor>> bodies_;
};

}  // namespace ovkit::reference
