// Who asks the next question, so that no participant passes the server's limit (5 questions
// per 60 s per participant, see server/domain/qa_service.hpp): participants take turns, and
// when the next one has used its allowance the question waits ("not_before") until it may ask
// again. Plain data; single-threaded.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <vector>

#include "tests/bench/loadgen/net.hpp"

namespace bimtek::loadgen {

class asker_rotation {
public:
    // "window" should include a margin for the server's clock reading after ours.
    asker_rotation(std::size_t participants, std::size_t per_window,
                   std::chrono::milliseconds window);

    struct turn {
        std::size_t participant = 0;
        steady::time_point not_before;  // "now" when the participant may ask at once
    };

    // The participant whose turn it is (the same until asked() is called).
    turn next(steady::time_point now) const;
    // Records that "participant" asked; "at" is when the server answered (the server stamped
    // the question no later). Moves the turn on.
    void asked(std::size_t participant, steady::time_point at);

    // At least how long "questions" questions take at this limit, from the first.
    std::chrono::milliseconds minimum_duration(std::size_t questions) const;

private:
    std::size_t participants_;
    std::size_t per_window_;
    std::chrono::milliseconds window_;
    std::size_t cursor_ = 0;
    std::vector<std::deque<steady::time_point>> recent_;  // per participant, oldest first
};

}  // namespace bimtek::loadgen
