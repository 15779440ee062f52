"""The participant's actions: enrol, finish a lesson, answer a quiz or a reflection; «Mine kurs», the project, certificates.

Every action is a POST from the participant's own pages, checked on the server:
logged in, enrolled in the course the lesson belongs to, and the lesson open.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from cases.public import prefill_suggestion
from innoplatform.core.ratelimit import limit

from .certificates import certificate_for, certificate_pdf
from .context import my_courses
from .enrolment import enrol, enrolment_of, withdraw
from .library import course_index
from .models import CoursePage, LessonPage
from .progress import ProgressError, complete_lesson, save_reflection, submit_quiz
from .project import case_from_project, project_document, project_notes, project_title
from .quizzes import find_quiz

REASONS = {
    "anonymous": gettext_lazy("Du må logge inn for å melde deg på."),
    "unverified": gettext_lazy("Du må bekrefte e-postadressen din før du kan melde deg på."),
    "not_enrolled": gettext_lazy("Du må være påmeldt kurset for å gjøre dette."),
    "not_in_course": gettext_lazy("Leksjonen hører ikke til kurset ditt."),
    "module_closed": gettext_lazy("Modulen er ikke åpnet for deg ennå."),
    "has_quiz": gettext_lazy("Leksjonen er fullført når du har bestått quizen."),
    "no_such_quiz": gettext_lazy("Quizen finnes ikke lenger i leksjonen."),
    "no_attempts_left": gettext_lazy("Du har brukt alle forsøkene på denne quizen."),
    "no_such_question": gettext_lazy("Spørsmålet finnes ikke lenger i leksjonen."),
}


def explain(reason: str) -> str:
    return str(REASONS.get(reason, _("Det gikk ikke å lagre dette.")))


def _live_course(course_id: int) -> CoursePage:
    return get_object_or_404(CoursePage.objects.live(), pk=course_id)


def _live_lesson(lesson_id: int) -> LessonPage:
    return get_object_or_404(LessonPage.objects.live(), pk=lesson_id)


def _course_of(lesson: LessonPage) -> CoursePage:
    course = CoursePage.objects.ancestor_of(lesson).live().first()
    if course is None:
        raise Http404
    return course


def _enrolment_for(request: HttpRequest, lesson: LessonPage):
    """The user's enrolment in the lesson's course; acting on a lesson of a course one is not on is refused."""
    enrollment = enrolment_of(request.user, _course_of(lesson))
    if enrollment is None:
        raise ProgressError("not_enrolled")
    return enrollment


@login_required
@require_POST
def enrol_view(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _live_course(course_id)
    if limited := limit(request, "course_action"):
        return limited
    try:
        enrol(request.user, course)
    except ProgressError as error:
        messages.error(request, explain(error.reason))
    else:
        messages.success(request, _("Du er påmeldt «%(course)s». God start!") % {"course": course.title})
    return redirect(course.url)


@login_required
@require_POST
def withdraw_view(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _live_course(course_id)
    if withdraw(request.user, course):
        messages.success(
            request,
            _("Du er meldt av «%(course)s». Melder du deg på igjen, fortsetter du der du slapp.")
            % {"course": course.title},
        )
    return redirect(course.url)


@login_required
@require_POST
def complete_view(request: HttpRequest, lesson_id: int) -> HttpResponse:
    lesson = _live_lesson(lesson_id)
    if limited := limit(request, "course_action"):
        return limited
    try:
        enrollment = _enrolment_for(request, lesson)
        complete_lesson(enrollment, lesson)
    except ProgressError as error:
        messages.error(request, explain(error.reason))
        return redirect(lesson.url)
    if enrollment.completed_at:
        messages.success(request, _("Gratulerer, du har fullført kurset! Kursbeviset ligger klart."))
    else:
        messages.success(request, _("Leksjonen er fullført."))
    return redirect(lesson.url + "#leksjon-status")


def _answers(request: HttpRequest, quiz) -> dict[str, list[str]]:
    """The options chosen per question, read only for the quiz's own questions."""
    return {
        question.id: [value[:64] for value in request.POST.getlist(f"q-{question.id}")[:10]]
        for question in quiz.value["questions"].bound_blocks
    }


@login_required
@require_POST
def quiz_view(request: HttpRequest, lesson_id: int, quiz_id: str) -> HttpResponse:
    lesson = _live_lesson(lesson_id)
    if limited := limit(request, "quiz_attempt"):
        return limited
    quiz = find_quiz(lesson.body, quiz_id)
    if quiz is None:
        raise Http404
    try:
        attempt = submit_quiz(_enrolment_for(request, lesson), lesson, quiz_id, _answers(request, quiz))
    except ProgressError as error:
        messages.error(request, explain(error.reason))
    else:
        if attempt.passed:
            messages.success(request, _("Bestått med %(score)s %% riktig.") % {"score": attempt.score})
        else:
            messages.warning(
                request,
                _("%(score)s %% riktig – du trenger %(mark)s %%. Les tilbakemeldingene og prøv igjen.")
                % {"score": attempt.score, "mark": quiz.value["pass_mark"]},
            )
    return redirect(f"{lesson.url}#quiz-{quiz_id}")


@login_required
@require_POST
def reflection_view(request: HttpRequest, lesson_id: int, block_id: str) -> HttpResponse:
    lesson = _live_lesson(lesson_id)
    if limited := limit(request, "course_action"):
        return limited
    try:
        save_reflection(_enrolment_for(request, lesson), lesson, block_id, request.POST.get("text", ""))
    except ProgressError as error:
        messages.error(request, explain(error.reason))
    else:
        messages.success(request, _("Svaret ditt er lagret. Bare du kan se det."))
    return redirect(f"{lesson.url}#refleksjon-{block_id}")


@login_required
@require_GET
def my_courses_view(request: HttpRequest) -> HttpResponse:
    return render(request, "courses/my_courses.html", {"courses": my_courses(request.user), "index": course_index()})


def _own_enrollment(request: HttpRequest, course_id: int):
    enrollment = enrolment_of(request.user, _live_course(course_id))
    if enrollment is None:
        raise Http404
    return enrollment


@login_required
def project_view(request: HttpRequest, course_id: int) -> HttpResponse:
    """The participant's project notes; the title and sharing with the facilitator are edited here."""
    enrollment = _own_enrollment(request, course_id)
    if request.method == "POST":
        if limited := limit(request, "course_action"):
            return limited
        enrollment.project_title = request.POST.get("project_title", "").strip()[:200]
        enrollment.share_reflections = request.POST.get("share_reflections") == "on"
        enrollment.save(update_fields=["project_title", "share_reflections"])
        messages.success(request, _("Prosjektet er lagret."))
        return redirect("courses:project", course_id=course_id)
    notes = project_notes(enrollment)
    return render(
        request,
        "courses/project.html",
        {"enrollment": enrollment, "course": enrollment.course, "notes": notes, "title": project_title(enrollment)},
    )


@login_required
@require_GET
def project_download(request: HttpRequest, course_id: int) -> HttpResponse:
    enrollment = _own_enrollment(request, course_id)
    response = HttpResponse(
        project_document(enrollment, project_notes(enrollment)),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="innovasjonsprosjekt-{enrollment.course.slug}.docx"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def project_share(request: HttpRequest, course_id: int) -> HttpResponse:
    """Start a case suggestion from the project; only a completed course can be shared."""
    enrollment = _own_enrollment(request, course_id)
    if enrollment.completed_at is None:
        messages.error(request, _("Du kan dele prosjektet som eksempel når du har fullført kurset."))
        return redirect("courses:project", course_id=course_id)
    prefill_suggestion(request, case_from_project(enrollment, project_notes(enrollment)))
    messages.info(request, _("Skjemaet er fylt ut med det du skrev i kurset. Se over, fyll inn resten og send det."))
    return redirect("cases:suggest")


@require_GET
def certificate_view(request: HttpRequest, code: str) -> HttpResponse:
    """Anyone with the code can check a certificate; an unknown code is a plain 404."""
    enrollment = certificate_for(code)
    if enrollment is None:
        raise Http404
    return render(request, "courses/certificate.html", {"enrollment": enrollment, "course": enrollment.course})


@require_GET
def certificate_pdf_view(request: HttpRequest, code: str) -> HttpResponse:
    enrollment = certificate_for(code)
    if enrollment is None:
        raise Http404
    html = render_to_string(
        "courses/certificate_document.html", {"enrollment": enrollment, "course": enrollment.course}, request
    )
    pdf = certificate_pdf(html, request.build_absolute_uri("/"))
    if pdf is None:
        return redirect("courses:certificate", code=enrollment.certificate_code)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="kursbevis-{enrollment.certificate_code}.pdf"'
    return response
