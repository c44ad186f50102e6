from .handler import (
    FileHandler as FileHandler,
    FSFileHandler as FSFileHandler,
    S3FileHandler as S3FileHandler,
    TarFileHandler as TarFileHandler,
)
from .log import DeepRacerLog as DeepRacerLog
from .log_utils import (
    ActionBreakdownUtils as ActionBreakdownUtils,
    AnalysisUtils as AnalysisUtils,
    EvaluationUtils as EvaluationUtils,
    NewRewardUtils as NewRewardUtils,
    PlottingUtils as PlottingUtils,
    SimulationLogsIO as SimulationLogsIO,
)
from .metrics import TrainingMetrics as TrainingMetrics
from .misc import LogFolderType as LogFolderType, LogType as LogType
from .stability import (
    SimtraceStabilityAnalyzer as SimtraceStabilityAnalyzer,
    episode_stats as episode_stats,
    parse_simtrace_bytes as parse_simtrace_bytes,
)
