"""The plan model: Qt-free, evented, validated on entry."""

from __future__ import annotations

from gridplanner.model.layer import FeatureTable, LayerChange
from gridplanner.model.plan import Plan
from gridplanner.model.schema import LAYER_SPECS, LayerSpec
from gridplanner.model.settings import Settings

__all__ = ["FeatureTable", "LayerChange", "Plan", "Settings", "LAYER_SPECS", "LayerSpec"]
