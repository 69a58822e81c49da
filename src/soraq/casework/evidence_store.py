"""Evidence files: content-addressed, encrypted, written once, never altered.

A file is named by the SHA-256 of its plaintext (``$SORAQ_VAR_DIR/evidence/ab/abcdef...``),
so the same file attached twice is stored once and any later change to it
would no longer match its name: :func:`read` checks the hash on every read.
Content is stored as a Fernet token (the same keys as the encrypted fields).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from . import crypto

MAX_BYTES = 25 * 1024 * 1024


class EvidenceError(RuntimeError):
    """An evidence file is missing, too large, or no longer matches its hash."""


def root() -> Path:
    return crypto.var_dir() / "evidence"


def path_for(sha256: str) -> Path:
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise EvidenceError("not a SHA-256 hex digest")
    return root() / sha256[:2] / sha256


def store(data: bytes) -> str:
    """Store ``data`` (once) and return its SHA-256."""
    if len(data) > MAX_BYTES:
        raise EvidenceError(f"file larger than {MAX_BYTES // (1024 * 1024)} MiB")
    digest = hashlib.sha256(data).hexdigest()
    target = path_for(digest)
    if target.exists():
        return digest
    _atomic_write(target, crypto.encrypt_bytes(data))
    return digest


def read(sha256: str) -> bytes:
    """The plaintext of a stored file, verified against its name."""
    target = path_for(sha256)
    try:
        token = target.read_bytes()
    except FileNotFoundError as exc:
        raise EvidenceError(f"evidence file {sha256[:12]}… is missing from the store") from exc
    data = crypto.decrypt_bytes(token)
    if hashlib.sha256(data).hexdigest() != sha256:
        raise EvidenceError(f"evidence file {sha256[:12]}… no longer matches its hash")
    return data


def rotate_all() -> int:
    """Re-encrypt every stored file under the newest key; the plaintext (and name) stay the same."""
    count = 0
    base = root()
    if not base.exists():
        return 0
    for path in base.glob("*/*"):
        if path.name.startswith(".") or not path.is_file():
            continue
        _atomic_write(path, crypto.rotate_token(path.read_bytes()), replace=True)
        count += 1
    return count


def _atomic_write(target: Path, payload: bytes, replace: bool = False) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        if replace:
            os.replace(tmp, target)
        else:
            try:
                os.link(tmp, target)  # never overwrite an existing file
            except FileExistsError:
                pass
            os.unlink(tmp)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
