"""Events people join: the page with its registration, capacity and waiting list, the
confirmation and cancellation links, calendar files, and the staff's listing."""
