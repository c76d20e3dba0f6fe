"""The record of processing: every field of the database that holds personal data, and its rule.

One place for it, read by three: the README's "Record of processing" table is generated from
RECORDS (`python -m home.personal_data` prints it; tests/test_personal_data.py fails when the
README differs), the privacy page of the demo content says the same in plain words, and the
test walks every model of the app registry (ours and third-party apps') and fails on a field
that looks personal but is named neither here nor in NOT_PERSONAL, or on a name here that no
longer exists. A new field therefore cannot slip in without a rule.

Fields are named "app_label.Model.field", as `Model._meta.label` and the field's name give
them. Legal bases are those of Serbia's Law on Personal Data Protection (ZZPL, "Službeni
glasnik RS" 87/2018), which follows the GDPR: article 12 for all data, article 17 for special
categories such as a political opinion (a signature or a supporter's record says one).
Removing jobs are management commands the clock runs (JOBS in
home/management/commands/run_schedule.py; the test checks they are there). Everything about
one person is also removed on request: by deleting the account, or by staff handling an
erasure request (campaigns/supporters/erasure.py).

Plain data, no imports: `home` may not import the sections, and the README generator runs
without Django.
"""

from dataclasses import dataclass

# Legal bases (ZZPL article 12, paragraph 1; article 17, paragraph 2 for special categories).
EXPLICIT_CONSENT = "explicit consent (ZZPL art. 17(2)(1); political opinion)"
CONSENT = "consent (ZZPL art. 12(1)(1))"
CONTRACT = "the person's request: an account (ZZPL art. 12(1)(2))"
LEGITIMATE_INTEREST = "legitimate interest (ZZPL art. 12(1)(6))"

# Who may see the data in the admin. Administrators (superusers) see everything. The group
# names are those the migrations create (campaigns 0003 and 0008, map 0002).
ADMINISTRATORS = "administrators"
MODERATORS = 'group "Moderators"'
PERSONAL_DATA = 'group "Personal data"'
EDITORS_MASKED = 'group "Editors" (addresses masked, no names)'
MODERATORS_MASKED = 'group "Moderators" (the address masked)'
THE_PERSON = "the person (their account pages)"
STAFF = "staff with access to the page or object"


@dataclass(frozen=True)
class Record:
    """A group of fields kept for one purpose under one rule."""

    title: str
    fields: tuple[str, ...]
    purpose: str
    basis: str
    seen_by: tuple[str, ...]
    kept: str
    # Scheduled management commands that remove or anonymise it; empty when only the
    # person (deleting the account), an erasure request or an administrator removes it.
    removed_by: tuple[str, ...] = ()


RECORDS = (
    Record(
        title="Petition signatures",
        fields=(
            "campaigns.Signature.first_name",
            "campaigns.Signature.last_name",
            "campaigns.Signature.email",
            "campaigns.Signature.email_normalised",
            "campaigns.Signature.newsletter",
            "campaigns.Signature.show_first_name",
            "campaigns.Signature.created_at",
            "campaigns.Signature.confirmed_at",
            "campaigns.Signature.consent_text",
            "campaigns.Signature.consented_at",
        ),
        purpose=(
            "Count a petition's support once per person, confirm it by mail, hand the "
            "signers to the addressee, send the news signers asked for; first names of those "
            "who agreed are shown on the petition"
        ),
        basis=EXPLICIT_CONSENT,
        seen_by=(ADMINISTRATORS, PERSONAL_DATA, EDITORS_MASKED, THE_PERSON),
        kept=(
            "Unconfirmed: 7 days. Confirmed: until 183 days after the petition closes "
            "(names and addresses blanked, times cut to the day; the count stays), unless "
            "editors exempt the petition because the law or the addressee requires the names"
        ),
        removed_by=("purge_unconfirmed_signatures", "anonymise_signatures"),
    ),
    Record(
        title="Petition signatures: review signals",
        fields=("campaigns.Signature.client_key", "campaigns.Signature.over_client_rate"),
        purpose=(
            "Let moderators find bulk signing (many signatures from one client on one day) "
            "and invalidate it; never keeps a confirmed signature out of the count. The key "
            "is 16 characters of the day's HMAC of the client's address, never the address"
        ),
        basis=LEGITIMATE_INTEREST,
        seen_by=(ADMINISTRATORS, 'staff with "Can change signature" (Editors)'),
        kept="30 days after signing, or until the signatures are anonymised if sooner",
        removed_by=("purge_unconfirmed_signatures", "anonymise_signatures"),
    ),
    Record(
        title="Event registrations",
        fields=(
            "campaigns.Registration.name",
            "campaigns.Registration.email",
            "campaigns.Registration.email_normalised",
            "campaigns.Registration.created_at",
            "campaigns.Registration.confirmed_at",
            "campaigns.Registration.consent_text",
            "campaigns.Registration.consented_at",
        ),
        purpose="Give a place at an event (or a turn on its waiting list), mail it and remind",
        basis=CONSENT,
        seen_by=(ADMINISTRATORS, PERSONAL_DATA, EDITORS_MASKED, THE_PERSON),
        kept=(
            "Unconfirmed: a day after registering (the place is held 30 minutes). "
            "Otherwise until 30 days after the event ended"
        ),
        removed_by=("purge_event_registrations",),
    ),
    Record(
        title="Tracked requests to authorities",
        fields=(
            "campaigns.InformationRequest.email",
            "campaigns.InformationRequest.email_normalised",
            "campaigns.InformationRequest.language",
            "campaigns.InformationRequest.subject",
            "campaigns.InformationRequest.received_on",
            "campaigns.InformationRequest.extended",
            "campaigns.InformationRequest.answer_due_on",
            "campaigns.InformationRequest.answered_on",
            "campaigns.InformationRequest.outcome",
            "campaigns.InformationRequest.complaint_due_on",
            "campaigns.InformationRequest.created_at",
            "campaigns.InformationRequest.confirmed_at",
            "campaigns.InformationRequest.consent_text",
            "campaigns.InformationRequest.consented_at",
        ),
        purpose=(
            "Remind the author of a request to an authority of its legal term, and draft their "
            "complaint when it is late or refused. No name or postal address is kept: the "
            "letters are made and sent by their authors"
        ),
        basis=CONSENT,
        # No admin view lists them: the holder of a request's link, and its author's account.
        seen_by=(THE_PERSON,),
        kept=(
            "Nobody asked for reminders: 7 days. Otherwise until a year after the latest of its "
            "term, its answer and its making; its author may delete it any time"
        ),
        removed_by=("purge_information_requests",),
    ),
    Record(
        title="The register of requests",
        fields=(
            "campaigns.RegisterEntry.requester_name",
            "campaigns.RegisterEntry.answer_upload",
            "campaigns.RegisterEntry.consent_text",
            "campaigns.RegisterEntry.consented_at",
            "campaigns.RegisterEntry.submitted_at",
        ),
        purpose=(
            "Publish what authorities answered to requests, per authority, when the request's "
            "author asks; their name only if they ask for it (never for a request for one's "
            "own data); the answer as uploaded lets a moderator publish a version without "
            "personal data"
        ),
        basis=CONSENT,
        seen_by=(ADMINISTRATORS, MODERATORS, THE_PERSON),
        kept=(
            "The answer as uploaded: until a moderator publishes or declines the entry. A "
            "declined entry: 30 days after the decision. A published one, with the name shown: "
            "until its author takes it off the register (on the request's page while it "
            "exists, or by writing to us)"
        ),
        removed_by=("purge_information_requests",),
    ),
    Record(
        title="Supporters",
        fields=(
            "campaigns.Supporter.user",
            "campaigns.Supporter.first_name",
            "campaigns.Supporter.newsletter",
            "campaigns.Supporter.recheck_mail",
            "campaigns.Supporter.recheck_mail_sent_at",
            "campaigns.Supporter.language",
            "campaigns.Supporter.consent_text",
            "campaigns.Supporter.consented_at",
            "campaigns.SupporterHelp.way",
        ),
        purpose="Know who joined the initiative, where, how they want to help, and whom to contact",
        basis=EXPLICIT_CONSENT,
        seen_by=(ADMINISTRATORS, PERSONAL_DATA, THE_PERSON),
        kept=("Until the account is deleted; an account whose address was never verified: 7 days"),
        removed_by=("purge_unverified_accounts",),
    ),
    Record(
        title="Accounts",
        fields=(
            "auth.User.username",
            "auth.User.first_name",
            "auth.User.last_name",
            "auth.User.email",
            "auth.User.password",
            "auth.User.last_login",
            "auth.User.date_joined",
            "account.EmailAddress.user",
            "account.EmailAddress.email",
        ),
        purpose="Log in (supporters and staff), verify and reset by mail",
        basis=CONTRACT,
        seen_by=(ADMINISTRATORS, THE_PERSON),
        kept=(
            "Until the account is deleted (by its owner, or by an administrator for staff); "
            "never verified: 7 days after sign-up"
        ),
        removed_by=("purge_unverified_accounts",),
    ),
    Record(
        title="Second factors",
        fields=(
            "mfa.Authenticator.user",
            "mfa.Authenticator.data",
            "mfa.Authenticator.last_used_at",
        ),
        purpose="Staff's second factor (authenticator app, recovery codes, security keys)",
        basis=LEGITIMATE_INTEREST,
        seen_by=(THE_PERSON,),
        kept="Until removed by its owner or the account is deleted",
    ),
    Record(
        title="Sessions",
        fields=("sessions.Session.session_data", "sessions.Session.expire_date"),
        purpose="Keep a person logged in; carry a login or sign-up between its steps",
        basis=CONTRACT,
        seen_by=(),
        kept="Until logout or expiry (two weeks at most), then deleted hourly",
        removed_by=("clearsessions",),
    ),
    Record(
        title="Rate limit counters",
        fields=("home.RateLimitCounter.key",),
        purpose=(
            "Limit how often one client may send a form; the key is a daily HMAC of the IP "
            "address under a key that is never stored"
        ),
        basis=LEGITIMATE_INTEREST,
        seen_by=(),
        kept=(
            "Until the counter's window ends (an hour with the default limits), then deleted hourly"
        ),
        removed_by=("purge_report_data",),
    ),
    Record(
        title="Camera reports: contact",
        fields=(
            "map.CameraReport.email",
            "map.CameraReport.email_consent_version",
            "map.CameraReport.email_consent_at",
            "map.CameraReport.reporter",
        ),
        purpose="Ask the reporter a follow-up question; show a supporter their own reports",
        basis=CONSENT,
        seen_by=(ADMINISTRATORS, PERSONAL_DATA, MODERATORS_MASKED, THE_PERSON),
        kept=(
            "The address: until the report is reviewed, 90 days at most. The link to the "
            "account: until the account is deleted"
        ),
        removed_by=("purge_report_data",),
    ),
    Record(
        title="Camera reports: content",
        fields=("map.CameraReport.photo", "map.CameraReport.note"),
        purpose="Map a camera; the photo is re-encoded without metadata when it arrives",
        basis=LEGITIMATE_INTEREST,
        seen_by=(ADMINISTRATORS, MODERATORS),
        kept=(
            "Rejected: 30 days after the decision, with its follow-up page. Accepted: the "
            "photo joins the camera's images and the report stays, without its contact, with "
            "the camera; one that marks a camera gone keeps no photo"
        ),
        removed_by=("purge_report_data",),
    ),
    Record(
        title="Queued jobs",
        fields=(
            "django_tasks_database.DBTaskResult.args_kwargs",
            "django_tasks_database.DBTaskResult.return_value",
            "django_tasks_database.DBTaskResult.traceback",
        ),
        purpose="Send mail (and run Wagtail's jobs) outside the request",
        basis="as the record the mail is about",
        seen_by=(),
        kept="Done: a day after it ran. Failed: 7 days",
        removed_by=("purge_task_results",),
    ),
    Record(
        title="Audit log",
        fields=(
            "wagtailcore.ModelLogEntry.user",
            "wagtailcore.ModelLogEntry.label",
            "wagtailcore.ModelLogEntry.data",
            "wagtailcore.PageLogEntry.user",
            "wagtailcore.PageLogEntry.label",
            "wagtailcore.PageLogEntry.data",
        ),
        purpose=(
            "Who did what in the admin: publishing, invalidations, exports, staff viewing a "
            "person's record, erasures"
        ),
        basis=LEGITIMATE_INTEREST,
        seen_by=(ADMINISTRATORS, STAFF),
        kept=(
            "While the site runs; an erasure blanks the names and addresses of entries "
            "about the erased person and the link to their account"
        ),
    ),
    Record(
        title="Staff's work",
        fields=(
            "campaigns.PetitionUpdate.sent_by",
            "map.CameraReport.reviewed_by",
            "campaigns.RegisterEntry.reviewed_by",
            "wagtailcore.Page.owner",
            "wagtailcore.Page.locked_by",
            "wagtailcore.Revision.user",
            "wagtailcore.WorkflowState.requested_by",
            "wagtailcore.TaskState.finished_by",
            "wagtailcore.TaskState.comment",
            "wagtailcore.Comment.user",
            "wagtailcore.Comment.text",
            "wagtailcore.Comment.resolved_by",
            "wagtailcore.CommentReply.user",
            "wagtailcore.CommentReply.text",
            "wagtailcore.PageSubscription.user",
            "wagtailcore.UploadedFile.file",
            "wagtailcore.UploadedFile.uploaded_by_user",
            "wagtailcore.APIToken.user",
            "wagtailcore.APIToken.name",
            "wagtailadmin.EditingSession.user",
            "wagtailadmin.FormState.user",
            "wagtaildocs.Document.uploaded_by_user",
            "wagtailimages.Image.uploaded_by_user",
            "wagtail_localize.StringTranslation.last_translated_by",
            "wagtail_localize.SegmentOverride.last_translated_by",
        ),
        purpose="Editorial work: who wrote, reviewed, uploaded, commented and translated what",
        basis=LEGITIMATE_INTEREST,
        seen_by=(ADMINISTRATORS, STAFF),
        kept="While the work is kept; deleting the account removes or unlinks them",
    ),
    Record(
        title="Explainers' reviewers",
        fields=("knowledge.ExplainerPage.reviewed_by",),
        purpose=(
            "Tell readers who checked an explainer and when: the reviewer's name from their "
            "account, recorded when they approve it"
        ),
        basis=LEGITIMATE_INTEREST,
        seen_by=("everyone (published with the explainer)",),
        kept="While the explainer is published; editors remove it when the reviewer asks",
    ),
    Record(
        title="Staff's admin preferences",
        fields=(
            "wagtailusers.UserProfile.user",
            "wagtailusers.UserProfile.avatar",
            "wagtailusers.UserProfile.dismissibles",
        ),
        purpose="The admin's language, time zone, theme, notifications and avatar",
        basis=LEGITIMATE_INTEREST,
        seen_by=(ADMINISTRATORS, THE_PERSON),
        kept="Until the account is deleted",
    ),
)

# Fields that look personal to the test but are not, each with the reason it was reviewed so;
# "app_label.Model" alone excludes all of a model's fields.
NOT_PERSONAL = {
    "wagtailsearch.IndexEntry": (
        "the search index of published pages and glossary terms (its columns differ between "
        "SQLite and PostgreSQL)"
    ),
    "home.HomePage.join_text": "page copy written by editors",
    "home.OrganisationSettings.name": "the initiative's name",
    "home.OrganisationSettings.contact_email": "the initiative's published contact address",
    "home.OrganisationSettings.data_licence_name": "the name of a licence",
    "campaigns.EventPage.address": "the venue's street address, published with the event",
    "campaigns.Authority.name": "a public authority's name",
    "campaigns.Authority.address": "a public authority's postal address",
    "campaigns.Authority.request_email": "a public authority's published address for requests",
    "campaigns.Authority.data_protection_email": (
        "the published address of an authority's data protection officer"
    ),
    "campaigns.Authority.data_protection_officer": (
        "the contact of an authority's data protection officer, which it publishes by law"
    ),
    "knowledge.Topic.name": "a topic of the knowledge base",
    "map.Municipality.name": "a municipality",
    "map.Municipality.boundary": "a municipality's boundary",
    "map.Camera.address": "a camera's street address",
    "map.Camera.source_tags": "a camera's OpenStreetMap or police list tags, no contributor",
    "map.StreetSegment": (
        "OpenStreetMap's streets (names, shapes, node ids) and how much of each the cameras "
        "see; no person"
    ),
    "map.Release": (
        "a published release of the camera data: the editors' note about it, its files' "
        "names and checksums, figures and the cameras' changes; no person, and who published "
        "it is in Wagtail's log"
    ),
    "map.CameraReport.reference": (
        "a report's random reference (KR-…), which the reporter quotes; kept with the report "
        "(a rejected one: 30 days after the decision)"
    ),
    "map.CameraReport.follow_token": (
        "the random key in the address of a report's follow-up page, which shows no personal "
        "data; the page lives as long as the report (a rejected one: 30 days after the decision)"
    ),
    "map.CameraReport.client_key": (
        "a random key the reporter's device chose so that a report sent again is stored once; "
        "it says nothing about the device or the person, and goes with the report"
    ),
    "map.CameraReport.reason": (
        "editors' words to the reporter about the camera, on the follow-up page; deleted with "
        "the report"
    ),
    "wagtail_localize.StringTranslation.tool_name": "the machine translator's name",
    "wagtailembeds.Embed.author_name": "a video channel's name, as its provider publishes it",
    "wagtailembeds.Embed.provider_name": "YouTube or Vimeo",
    "wagtaildocs.Document.file": "documents editors publish",
    "wagtailimages.Image.file": "images editors publish (metadata stripped on upload)",
    "wagtailimages.Rendition.file": "resized copies of published images",
    "wagtailcore.Site.site_name": "the site's name",
    "wagtailcore.Collection.name": "a folder of images and documents",
    "wagtailcore.Workflow.name": "a moderation workflow",
    "wagtailcore.Task.name": "a step of a moderation workflow",
    "wagtailcore.Revision.content": "a page's or camera's content as drafted (published content)",
    "taggit.Tag.name": "a tag of explainers",
    "auth.Permission.name": "a permission",
    "auth.Group.name": "a group of staff",
    "django_tasks_database.DBTaskResult.worker_ids": "ids of the worker processes",
    "django_tasks_database.DBTaskResult.queue_name": "the queue's name",
    "django_tasks_database.DBTaskResult.backend_name": "the task backend's name",
}


def personal_fields():
    """Every field the records name, as "app_label.Model.field"."""
    return {field for record in RECORDS for field in record.fields}


def cell(text):
    return text.replace("|", "\\|")


def by_model(fields):
    """{"app_label.Model": [field, ...]}, in the order given."""
    models = {}
    for name in fields:
        model, _dot, field = name.rpartition(".")
        models.setdefault(model, []).append(field)
    return models


def markdown_table():
    """The README's "Record of processing" table."""
    lines = [
        "| Data | Fields | Purpose | Legal basis | Who sees it | Kept | Removed by |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for record in RECORDS:
        fields = "; ".join(
            f"`{model}`: " + ", ".join(names) for model, names in by_model(record.fields).items()
        )
        seen = ", ".join(record.seen_by) or "nobody (the site itself)"
        jobs = ", ".join(f"`{job}`" for job in record.removed_by) or "erasure only"
        row = (record.title, fields, record.purpose, record.basis, seen, record.kept, jobs)
        lines.append("| " + " | ".join(cell(part) for part in row) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
