"""Asking the state (issue 23): requests for information of public importance and for one's own
personal data, their legal deadlines, reminders, complaints to the Commissioner and a public
record of the answers."""
