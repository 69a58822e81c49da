"""Sharing: REST API, statistics, exports (CSV, JSON, PFIF, FollowTheMoney) and imports."""
