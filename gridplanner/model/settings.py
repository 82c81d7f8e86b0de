"""Plan settings: every number a planner can change, with validated defaults.

The defaults follow ../shared/DOMAIN.md. Where a figure is a convention
(the 300–500 household range) it is a setting, never a rule.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from gridplanner.errors import ModelError
from gridplanner.model.limits import InputLimits


@dataclass
class Settings:
    households_min: int = 300
    households_max: int = 500
    residents_max: int = 2500
    #: Walking distance levels in metres (5/10/15-minute circles).
    levels_m: tuple[float, ...] = (300.0, 500.0, 1000.0)
    #: Metres per second used to show levels as minutes (and minutes → metres).
    walking_speed: float = 1.0
    target_share: float = 0.85
    code_scheme: str = "db11"
    county_code: str = "000000"
    subdistrict_code: str = "001"
    #: Households one full-time worker can look after (a convention, not a rule).
    worker_load_max: int = 500
    branch_min_members: int = 3
    #: Households per micro-grid (微网格) and per Party-member household's care
    #: (党员中心户): conventions, not rules.
    micro_households_min: int = 30
    micro_households_max: int = 80
    care_households_min: int = 5
    care_households_max: int = 15
    #: Average dwelling size (m² gross floor area per household) for estimates.
    dwelling_size_m2: float = 90.0
    #: Floor height for estimating floors from a building height, metres.
    floor_height_m: float = 3.0
    services: tuple[str, ...] = field(
        default=("childcare", "elderly_care", "health", "food", "culture", "public_affairs")
    )
    #: How much of a file an import may read (sheet size, vertices, holes, file size).
    input_limits: InputLimits = field(default_factory=InputLimits)
    #: One Party-mass service station per grid (一网格一阵地): every grid has a
    #: station inside it or within this walking distance (a rule you can turn off).
    station_rule: bool = True
    station_distance_m: float = 300.0

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        if not 0 < self.households_min <= self.households_max:
            raise ModelError(
                f"household range {self.households_min}–{self.households_max} is not a valid range"
            )
        levels = tuple(float(x) for x in self.levels_m)
        if not levels or any(x <= 0 for x in levels):
            raise ModelError(f"walking levels must be positive distances in metres, got {levels}")
        self.levels_m = tuple(sorted(levels))
        if not 0.1 <= self.walking_speed <= 5.0:
            raise ModelError(f"walking speed {self.walking_speed} m/s is outside 0.1–5 m/s")
        if not 0 < self.target_share <= 1:
            raise ModelError(f"target share {self.target_share} must be in (0, 1]")
        if self.code_scheme not in ("db11", "cjt349"):
            raise ModelError(f"unknown grid code scheme {self.code_scheme!r} (db11 or cjt349)")
        for low, high, what in ((self.micro_households_min, self.micro_households_max,
                                 "micro-grid household range"),
                                (self.care_households_min, self.care_households_max,
                                 "Party-member household care range")):
            if not 0 < low <= high:
                raise ModelError(f"{what} {low}–{high} is not a valid range")
        if self.dwelling_size_m2 <= 0:
            raise ModelError("dwelling size must be positive")
        if not self.station_distance_m >= 0:
            raise ModelError(f"station walking distance {self.station_distance_m} m must not be negative")
        self.services = tuple(self.services)
        self.input_limits = InputLimits.from_value(self.input_limits)

    def minutes(self, metres: float) -> float:
        """Walking time in minutes for a distance at the set speed."""
        return metres / self.walking_speed / 60.0

    def metres(self, minutes: float) -> float:
        return minutes * 60.0 * self.walking_speed

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["levels_m"] = list(self.levels_m)
        d["services"] = list(self.services)
        d["input_limits"] = self.input_limits.to_dict()
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        if not isinstance(data, dict):
            raise TypeError(f"settings must be a table of named values, not {type(data).__name__}")
        known = {f.name for f in dataclasses.fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        for key in ("levels_m", "services"):
            if key in kwargs:
                kwargs[key] = tuple(kwargs[key])
        return cls(**kwargs)

    def replaced(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)
