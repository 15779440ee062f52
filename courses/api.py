"""The courses as open data: every published course with its modules and lessons."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from django.utils.translation import gettext as _

from innoplatform.core.api import ErrorSerializer, PublicReadMixin
from innoplatform.core.vocabularies import Phase

from .library import course_index
from .models import CoursePage
from .progress import outlines_for


class LessonSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField()
    estimated_minutes = serializers.IntegerField()
    required = serializers.BooleanField()


class ModuleSerializer(serializers.Serializer):
    title = serializers.CharField()
    phase = serializers.ChoiceField(choices=Phase.choices)
    lessons = LessonSerializer(many=True)


class CourseSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()
    url = serializers.CharField()
    introduction = serializers.CharField(allow_blank=True)
    audience = serializers.CharField()
    learning_outcomes = serializers.ListField(child=serializers.CharField())
    estimated_hours = serializers.IntegerField()
    sequential = serializers.BooleanField()
    modules = ModuleSerializer(many=True)


class CourseListSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    results = CourseSerializer(many=True)


def course_data(course: CoursePage, outline) -> dict:
    return {
        "slug": course.slug,
        "title": course.title,
        "url": course.url,
        "introduction": course.introduction,
        "audience": course.audience,
        "learning_outcomes": [str(block.value) for block in course.learning_outcomes],
        "estimated_hours": course.estimated_hours,
        "sequential": course.sequential,
        "modules": [
            {
                "title": item.module.title,
                "phase": item.module.phase,
                "lessons": [
                    {
                        "title": lesson.title,
                        "url": lesson.url,
                        "estimated_minutes": lesson.estimated_minutes,
                        "required": lesson.required,
                    }
                    for lesson in item.lessons
                ],
            }
            for item in outline
        ],
    }


def published_courses() -> list[CoursePage]:
    index = course_index()
    return list(CoursePage.objects.child_of(index).live().order_by("path")) if index else []


class CourseListView(PublicReadMixin, APIView):
    @extend_schema(
        operation_id="courses_list",
        summary="Kurs",
        description="Alle publiserte kurs med moduler (én per fase i KS' veikart) og leksjoner.",
        responses={200: CourseListSerializer},
    )
    def get(self, request):
        courses = published_courses()
        outlines = outlines_for(courses)
        return Response({"count": len(courses), "results": [course_data(c, outlines[c.pk]) for c in courses]})


class CourseDetailView(PublicReadMixin, APIView):
    @extend_schema(
        operation_id="courses_detail",
        summary="Ett kurs",
        description="Et publisert kurs med moduler og leksjoner.",
        responses={200: CourseSerializer, 404: OpenApiResponse(ErrorSerializer, description="Kurset finnes ikke")},
    )
    def get(self, request, slug: str):
        course = next((course for course in published_courses() if course.slug == slug), None)
        if course is None:
            raise NotFound(_("Kurset finnes ikke."))
        return Response(course_data(course, outlines_for([course])[course.pk]))
