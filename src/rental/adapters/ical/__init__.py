"""iCalendar adapters: the format (``icalendar``, ``recurring-ical-events``) and a fetcher of
other platforms' feeds that keeps away from our own network (``urllib3``)."""
