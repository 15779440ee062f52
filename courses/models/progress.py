"""A participant's way through a course: enrolment, finished lessons, quiz attempts and reflection answers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Enrollment(models.Model):
    """One user on one course; withdrawing keeps the progress, so enrolling again picks it up."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("deltaker"), on_delete=models.CASCADE, related_name="enrollments"
    )
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("kurs"), on_delete=models.CASCADE, related_name="enrollments"
    )
    cohort = models.ForeignKey(
        "courses.Cohort",
        verbose_name=_("kull"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrollments",
    )
    group = models.ForeignKey(
        "courses.CohortGroup",
        verbose_name=_("gruppe"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrollments",
    )
    enrolled_at = models.DateTimeField(_("påmeldt"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("meldt av"), null=True, blank=True)
    completed_at = models.DateTimeField(_("fullført"), null=True, blank=True)
    certificate_code = models.CharField(_("kode på kursbeviset"), max_length=20, unique=True, null=True, blank=True)
    last_lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("siste leksjon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    project_title = models.CharField(_("prosjektets tittel"), max_length=200, blank=True)
    share_reflections = models.BooleanField(
        _("del refleksjonene med kursholderen"),
        default=False,
        help_text=_("Kursholderen for kullet kan da lese svarene dine."),
    )

    class Meta:
        verbose_name = _("påmelding")
        verbose_name_plural = _("påmeldinger")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="unique_enrollment")]
        indexes = [models.Index(fields=["course", "enrolled_at"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.course_id}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class LessonCompletion(models.Model):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="completions")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField(_("fullført"), auto_now_add=True)

    class Meta:
        verbose_name = _("fullført leksjon")
        verbose_name_plural = _("fullførte leksjoner")
        constraints = [models.UniqueConstraint(fields=["enrollment", "lesson"], name="unique_lesson_completion")]

    def __str__(self) -> str:
        return f"{self.enrollment_id}: {self.lesson_id}"


class QuizAttempt(models.Model):
    """Every attempt is kept: the answers given, the score and whether it passed."""

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="quiz_attempts")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="quiz_attempts")
    quiz_id = models.CharField(_("quiz"), max_length=64)
    answers = models.JSONField(_("svar"), default=dict, help_text=_("Spørsmål-id → valgte alternativ-id-er."))
    correct_questions = models.JSONField(_("riktig besvarte spørsmål"), default=list)
    score = models.PositiveSmallIntegerField(_("prosent riktig"))
    passed = models.BooleanField(_("bestått"))
    attempted_at = models.DateTimeField(_("levert"), auto_now_add=True)

    class Meta:
        verbose_name = _("quizforsøk")
        verbose_name_plural = pgettext_lazy("flertall", "quizforsøk")
        ordering = ["attempted_at", "pk"]
        indexes = [models.Index(fields=["enrollment", "lesson", "quiz_id"])]

    def __str__(self) -> str:
        return f"{self.enrollment_id}: {self.quiz_id} {self.score} %"


class ReflectionAnswer(models.Model):
    """The participant's own answer to a reflection question: private, and part of their project notes."""

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="reflections")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="reflections")
    block_id = models.CharField(_("spørsmål"), max_length=64)
    text = models.TextField(_("svar"), max_length=10_000)
    updated_at = models.DateTimeField(_("sist endret"), auto_now=True)

    class Meta:
        verbose_name = _("refleksjonssvar")
        verbose_name_plural = pgettext_lazy("flertall", "refleksjonssvar")
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "lesson", "block_id"], name="unique_reflection_answer")
        ]

    def __str__(self) -> str:
        return f"{self.enrollment_id}: {self.block_id}"
