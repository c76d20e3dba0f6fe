"""Mail jobs moved with their code into the campaigns' domains (issue 17).

A queued job names its task by import path, and the worker imports that path when it runs the
job: jobs waiting at deploy time would fail under the old name. State only: no table changes.
"""

from django.db import migrations

MOVED = {
    "campaigns.updates.mail_update": "campaigns.petitions.updates.mail_update",
    "campaigns.updates.send_update_mail": "campaigns.petitions.updates.send_update_mail",
    "campaigns.tasks.send_signature_mail": "campaigns.petitions.tasks.send_signature_mail",
    "campaigns.tasks.send_registration_mail": "campaigns.events.tasks.send_registration_mail",
    "campaigns.tasks.send_account_deleted_mail": (
        "campaigns.supporters.tasks.send_account_deleted_mail"
    ),
}


def rename(apps, moves):
    jobs = apps.get_model("django_tasks_database", "DBTaskResult").objects
    for old, new in moves.items():
        jobs.filter(task_path=old).update(task_path=new)


def forwards(apps, schema_editor):
    rename(apps, MOVED)


def backwards(apps, schema_editor):
    rename(apps, {new: old for old, new in MOVED.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0010_step_by_step"),
        (
            "django_tasks_database",
            "0019_rename_django_task_new_ordering_idx_tasks_db_new_ordering_idx_and_more",
        ),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
