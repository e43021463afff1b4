class CronDataIntervalTimetable:
    """Records the cron expression and time zone; the real one schedules data intervals."""

    def __init__(self, cron: str, timezone):
        self.cron = cron
        self.timezone = timezone
