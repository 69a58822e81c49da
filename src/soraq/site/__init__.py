"""The Django project: settings and the URL map that joins Soraq's web apps."""
