"""iCalendar adapters: the format (``icalendar``, ``dateutil.rrule``) and a fetcher of
other platforms' feeds that keeps away from our own network (``urllib3``)."""
