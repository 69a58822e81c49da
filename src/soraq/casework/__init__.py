"""Case work: family intake, case files, review, roles, confidentiality and audit."""
