"""A participant's course data in their personal data export (hook `register_personal_data`)."""

from django.db.models import Prefetch

from .models import Enrollment, LessonCompletion, QuizAttempt, ReflectionAnswer


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def personal_course_data(user) -> tuple[str, object]:
    completions = LessonCompletion.objects.select_related("lesson").order_by("completed_at", "pk")
    enrollments = (
        Enrollment.objects.filter(user=user)
        .select_related("course", "cohort", "group")
        .prefetch_related(Prefetch("completions", queryset=completions))
        .order_by("pk")
    )
    reflections = ReflectionAnswer.objects.filter(enrollment__user=user).select_related("lesson").order_by("pk")
    attempts = QuizAttempt.objects.filter(enrollment__user=user).select_related("lesson").order_by("pk")
    return (
        "kurs",
        {
            "påmeldinger": [
                {
                    "kurs": enrollment.course.title,
                    "påmeldt": _iso(enrollment.enrolled_at),
                    "meldt_av": _iso(enrollment.withdrawn_at),
                    "fullført": _iso(enrollment.completed_at),
                    "kursbevis": enrollment.certificate_code,
                    "kull": enrollment.cohort.name if enrollment.cohort_id else None,
                    "gruppe": enrollment.group.name if enrollment.group_id else None,
                    "prosjekt": enrollment.project_title,
                    "deler_refleksjoner_med_kursholder": enrollment.share_reflections,
                    "fullførte_leksjoner": [completion.lesson.title for completion in enrollment.completions.all()],
                }
                for enrollment in enrollments
            ],
            "refleksjonssvar": [
                {"leksjon": answer.lesson.title, "svar": answer.text, "endret": _iso(answer.updated_at)}
                for answer in reflections
            ],
            "quizforsøk": [
                {
                    "leksjon": attempt.lesson.title,
                    "prosent": attempt.score,
                    "bestått": attempt.passed,
                    "levert": _iso(attempt.attempted_at),
                }
                for attempt in attempts
            ],
        },
    )
