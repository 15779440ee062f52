"""Quizzes graded on the server: which options are right never leaves it.

A question is answered right when exactly its correct options are chosen. The
score is the share of questions answered right; the quiz is passed at the quiz's
pass mark. Feedback is given for the options the participant chose.
"""

from dataclasses import dataclass, field

from wagtail.blocks import StreamValue


@dataclass(frozen=True)
class Option:
    id: str
    text: str


@dataclass(frozen=True)
class Question:
    """A question as the browser may see it: text, kind and options, without which are right."""

    id: str
    text: str
    kind: str
    options: tuple[Option, ...]


@dataclass(frozen=True)
class QuestionResult:
    question_id: str
    correct: bool
    chosen: tuple[str, ...]
    feedback: tuple[str, ...]


@dataclass(frozen=True)
class QuizResult:
    score: int
    passed: bool
    results: dict[str, QuestionResult] = field(default_factory=dict)

    @property
    def correct_questions(self) -> list[str]:
        return [question_id for question_id, result in self.results.items() if result.correct]


def find_quiz(body: StreamValue, quiz_id: str):
    """The quiz block with this id in a lesson body, or None."""
    return next((block for block in body if block.block_type == "quiz" and block.id == quiz_id), None)


def questions(quiz_value) -> list[Question]:
    """The quiz's questions and options, with their stable ids and without the answers."""
    return [
        Question(
            id=question.id,
            text=question.value["question"],
            kind=question.value["kind"],
            options=tuple(Option(option.id, option.value["text"]) for option in question.value["options"].bound_blocks),
        )
        for question in quiz_value["questions"].bound_blocks
    ]


def grade(quiz_value, answers: dict[str, list[str]]) -> QuizResult:
    """Grade `answers` (question id → chosen option ids) against the quiz; unknown ids count as not chosen."""
    results: dict[str, QuestionResult] = {}
    for question in quiz_value["questions"].bound_blocks:
        options = {option.id: option.value for option in question.value["options"].bound_blocks}
        chosen = tuple(option_id for option_id in dict.fromkeys(answers.get(question.id, [])) if option_id in options)
        if question.value["kind"] == "single":
            chosen = chosen[:1]
        correct = {option_id for option_id, option in options.items() if option["correct"]}
        results[question.id] = QuestionResult(
            question_id=question.id,
            correct=bool(correct) and set(chosen) == correct,
            chosen=chosen,
            feedback=tuple(options[option_id]["feedback"] for option_id in chosen if options[option_id]["feedback"]),
        )
    right = sum(result.correct for result in results.values())
    score = round(100 * right / len(results)) if results else 0
    return QuizResult(score=score, passed=score >= quiz_value["pass_mark"], results=results)
