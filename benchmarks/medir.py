"""Medir un comando hijo: tiempo de reloj, CPU usada (con sus propios hijos) y memoria máxima."""

from __future__ import annotations

import os
import platform
import subprocess
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path


@dataclass
class Medida:
    segundos: float
    cpu_s: float  # usuario + sistema del hijo y de los procesos que este esperó (p. ej. su pool)
    rss_max_mb: float  # máximo entre el hijo y sus descendientes (wait4 en Linux)
    codigo: int
    salida: str

    @property
    def nucleos_usados(self) -> float:
        """CPU / reloj: ≈ 2 si la corrida ocupó los dos núcleos todo el tiempo."""
        return self.cpu_s / self.segundos if self.segundos else 0.0

    def a_dict(self) -> dict:
        d = asdict(self)
        d["nucleos_usados"] = round(self.nucleos_usados, 2)
        d["salida"] = self.salida[-2000:]
        return d


def correr(cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Medida:
    """Corre `cmd` y lo espera con `os.wait4` para leer su uso de recursos (solo Linux/Unix)."""
    registro = Path(os.environ.get("TMPDIR", "/tmp")) / f"articula_bench_{os.getpid()}_{time.monotonic_ns()}.log"
    with registro.open("w+", encoding="utf-8") as salida:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=salida, stderr=subprocess.STDOUT)
        _, estado, uso = os.wait4(proc.pid, 0)
        segundos = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(estado)
        salida.seek(0)
        texto = salida.read()
    registro.unlink(missing_ok=True)
    return Medida(segundos, uso.ru_utime + uso.ru_stime, uso.ru_maxrss / 1024, proc.returncode, texto)


def maquina() -> dict:
    """nproc, RAM, modelo de CPU, sistema y fecha: para leer las cifras en su contexto."""
    modelo = ""
    try:
        for linea in Path("/proc/cpuinfo").read_text().splitlines():
            if linea.startswith("model name"):
                modelo = linea.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = None
    try:
        for linea in Path("/proc/meminfo").read_text().splitlines():
            if linea.startswith("MemTotal:"):
                ram_gb = round(int(linea.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "ram_gb": ram_gb, "cpu": modelo or platform.processor(),
            "python": platform.python_version(), "sistema": platform.platform(),
            "fecha": datetime.now().isoformat(timespec="seconds")}
