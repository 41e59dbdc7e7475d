"""One application context (app/ui/context.py) and no implicit actor: nobody signed in means no
actor, and whatever is asked without one is refused in Chinese with nothing written; only an
office without users runs as the person at this PC, and says so explicitly."""

from __future__ import annotations

import argparse
import getpass

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from app.cli.login import NOT_SIGNED_IN as CLI_NOT_SIGNED_IN
from app.cli.login import acting
from app.errors import UserError
from app.models import AuditEntry, Issuer
from app.services import issuers, permissions, settings, users
from app.services.permissions import NOT_SIGNED_IN, SYSTEM, Actor, Permission, Role
from app.ui.context import AppContext
from app.ui.register.void_number_dialog import VoidNumberDialog
from app.ui.settings.issuers_page import AddIssuerDialog
from tests.factories import add_issuer, register
from tests.ui_context import context


def audit_count(database) -> int:
    with database.reading() as s:
        return s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action != "seal")
        )


def test_a_service_called_without_an_actor_is_refused_and_writes_nothing(database):
    before = audit_count(database)
    with pytest.raises(UserError) as refused, database.transaction() as s:
        settings.put(s, None, "filing.days", 20)  # type: ignore[arg-type]
    assert refused.value.message == NOT_SIGNED_IN
    with pytest.raises(UserError, match="尚未登录"), database.transaction() as s:
        issuers.add_issuer(s, None, "MZ", "河清市民政局", "河民发", "MZGS-{year}-{seq:03d}")  # type: ignore[arg-type]
    with database.reading() as s:
        assert s.scalar(select(func.count()).select_from(Issuer)) == 0
    assert audit_count(database) == before


def test_nobody_signed_in_may_do_nothing_and_is_never_an_administrator():
    assert not any(permissions.allowed(None, p) for p in Permission)
    with pytest.raises(UserError, match="尚未登录"):
        permissions.require(None, Permission.REGISTER)


def test_the_context_has_no_actor_until_someone_signs_in(database):
    ctx = AppContext.open(database, None)
    with pytest.raises(UserError) as refused:
        ctx.actor()
    assert refused.value.message == NOT_SIGNED_IN
    ctx.user = Actor("李文", Role.CLERK)
    assert ctx.actor() == Actor("李文", Role.CLERK)


def test_two_windows_over_one_database_have_their_own_context(qtbot, database):
    """No registry behind the scenes: each context holds its own runner and user."""
    first = AppContext.open(database, Actor("甲", Role.ADMIN))
    second = AppContext.open(database, Actor("乙", Role.CLERK))
    assert first.runner is not second.runner
    assert first.user != second.user


def test_a_dialog_with_nobody_signed_in_says_so_and_writes_nothing(qtbot, database):
    with database.transaction() as s:
        add_issuer(s)
        register(s, "河清市城乡居民最低生活保障管理办法")
    before = audit_count(database)
    ctx = context(database, None)
    dialog = AddIssuerDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.issuer.name.setText("河清市财政局")
    dialog.issuer.code.setText("CZ")
    dialog.issuer.abbr.setText("河财发")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert ctx.runner.wait()
    assert dialog.error.text() == NOT_SIGNED_IN
    void = VoidNumberDialog(ctx, "MZGS-2026-001")
    qtbot.addWidget(void)
    assert ctx.runner.wait()
    void.reason.setPlainText("编号错误")
    void.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert ctx.runner.wait()
    assert void.error.text() == NOT_SIGNED_IN
    assert audit_count(database) == before


def test_an_office_without_users_is_worked_by_the_pc_user_explicitly(database):
    with database.reading() as s:
        assert users.session_actor(s) == Actor(getpass.getuser(), Role.ADMIN)
    with database.transaction() as s:
        users.add_user(s, SYSTEM, "admin", "王管理", Role.ADMIN.value, "admin2026")
    with database.reading() as s:
        assert users.session_actor(s) is None  # logins now: nobody until one signs in


def test_a_command_without_a_signed_in_user_is_refused():
    with pytest.raises(UserError) as refused:
        acting(argparse.Namespace(actor=None))
    assert refused.value.message == CLI_NOT_SIGNED_IN
    assert acting(argparse.Namespace(actor=SYSTEM)) is SYSTEM
