"""Equality and repr for dataclasses, written once rather than compiled for each class.

Python 3.11's ``dataclass()`` compiles every method it makes from source when the class is made: a page's
run made some 90 of them at start-up. A class decorated ``@dataclass(eq=False, repr=False)`` that derives
from ``Record`` compares and prints as the made methods would; only its ``__init__`` is compiled.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import Any

_Getter = Callable[[Any], tuple]
_COMPARED: dict[type, _Getter] = {}
_SHOWN: dict[type, tuple[str, ...]] = {}


class Record:
    """A dataclass's ``__eq__`` (its compared fields in order, same class only) and ``__repr__``
    (``Name(field=value, ...)``, "..." for a record inside itself); unhashable, as a mutable dataclass."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        values = _COMPARED.get(self.__class__) or _compared(self.__class__)
        return values(self) == values(other)

    __hash__ = None  # type: ignore[assignment]

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        names = _SHOWN.get(self.__class__)
        if names is None:
            names = _SHOWN[self.__class__] = tuple(f.name for f in _fields(self.__class__) if f.repr)
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"


def _fields(cls: Any) -> tuple[dataclasses.Field, ...]:
    return dataclasses.fields(cls)


def _compared(cls: type) -> _Getter:
    names = [f.name for f in _fields(cls) if f.compare]
    getter: _Getter
    if len(names) == 1:
        single = attrgetter(names[0])
        getter = lambda record: (single(record),)  # noqa: E731 (a tuple, as the made method compares)
    else:
        getter = attrgetter(*names) if names else lambda record: ()
    _COMPARED[cls] = getter
    return getter
