"""What the partner capability holds about one user, for the download of their own data."""

from .models import CollaborationPost, DigestPreference, Interest, InterestMessage


def personal_partner_data(user) -> tuple[str, object]:
    posts = CollaborationPost.objects.filter(created_by=user).select_related("organisation").order_by("pk")
    interests = Interest.objects.filter(sender=user).select_related("post", "organisation").order_by("pk")
    messages = InterestMessage.objects.filter(author=user).select_related("interest__post").order_by("pk")
    preference = DigestPreference.objects.filter(user=user).first()
    return (
        "samarbeid",
        {
            "innlegg": [
                {
                    "tittel": post.title,
                    "type": post.kind,
                    "organisasjon": post.organisation.name,
                    "status": post.status,
                    "opprettet": post.created_at.isoformat(),
                }
                for post in posts
            ],
            "interesse_sendt": [
                {
                    "innlegg": interest.post.title,
                    "på_vegne_av": interest.organisation.name,
                    "hva_vi_kan_bidra_med": interest.offer,
                    "hva_vi_ønsker": interest.wish,
                    "kontakt": interest.contact,
                    "sendt": interest.created_at.isoformat(),
                }
                for interest in interests
            ],
            "meldinger": [
                {"innlegg": message.interest.post.title, "tekst": message.text, "sendt": message.created_at.isoformat()}
                for message in messages
            ],
            "ukentlig_epost": preference.weekly_digest if preference else True,
        },
    )
