"""Medir un comando hijo: tiempo de reloj, CPU usada (con sus propios hijos) y memoria máxima."""

from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
_PAGINA = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


class _Arbol(threading.Thread):
    """Muestrea /proc cada 0,2 s: CPU y RSS de todo el árbol de procesos del hijo.

    `wait4` no ve a los nietos que no espera el hijo (p. ej. los trabajadores de un pool
    `forkserver`, hijos del servidor): sin esto la CPU del pool no se contaría.
    """

    def __init__(self, raiz: int) -> None:
        super().__init__(daemon=True)
        self.raiz = raiz
        self.cpu: dict[int, float] = {}  # último utime+stime visto por pid
        self.rss_total_max = 0.0
        self.procesos_max = 0
        self._fin = threading.Event()

    def run(self) -> None:
        while not self._fin.wait(0.2):
            self.muestrear()

    def detener(self) -> None:
        self._fin.set()
        self.join()

    def muestrear(self) -> None:
        padres: dict[int, int] = {}
        datos: dict[int, tuple[float, float]] = {}
        for nombre in os.listdir("/proc"):
            if not nombre.isdigit():
                continue
            try:
                campos = Path(f"/proc/{nombre}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            pid = int(nombre)
            padres[pid] = int(campos[1])
            datos[pid] = ((int(campos[11]) + int(campos[12])) / _TICKS, int(campos[21]) * _PAGINA / 1024 / 1024)
        arbol = {self.raiz}
        cambio = True
        while cambio:
            cambio = False
            for pid, padre in padres.items():
                if padre in arbol and pid not in arbol:
                    arbol.add(pid)
                    cambio = True
        arbol &= datos.keys()
        for pid in arbol:
            self.cpu[pid] = max(self.cpu.get(pid, 0.0), datos[pid][0])
        self.rss_total_max = max(self.rss_total_max, sum(datos[p][1] for p in arbol))
        self.procesos_max = max(self.procesos_max, len(arbol))


@dataclass
class Medida:
    segundos: float
    cpu_s: float  # usuario + sistema de todo el árbol de procesos (muestreado) o de wait4, lo mayor
    rss_max_mb: float  # máximo de un solo proceso del árbol (wait4 en Linux)
    codigo: int
    salida: str
    rss_arbol_max_mb: float = 0.0  # suma de RSS del árbol en su peor muestra (pool incluido)
    procesos_max: int = 1
    cpu_principal_s: float = 0.0  # solo el proceso hijo directo (lo que no se reparte entre los trabajadores)

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
        arbol = _Arbol(proc.pid)
        arbol.start()
        _, estado, uso = os.wait4(proc.pid, 0)
        segundos = time.perf_counter() - t0
        arbol.detener()
        proc.returncode = os.waitstatus_to_exitcode(estado)
        salida.seek(0)
        texto = salida.read()
    registro.unlink(missing_ok=True)
    cpu = max(uso.ru_utime + uso.ru_stime, sum(arbol.cpu.values()))
    return Medida(segundos, cpu, uso.ru_maxrss / 1024, proc.returncode, texto,
                  max(arbol.rss_total_max, uso.ru_maxrss / 1024), arbol.procesos_max, arbol.cpu.get(proc.pid, 0.0))


_TEXTO_REFERENCIA = (
    "La Oficina Desconcentrada de Tumbes y la OIM realizaron una mesa de trabajo con Migraciones, "
    "la Policía Nacional del Perú y el Gobierno Regional el 21 de diciembre de 2023. "
) * 8
_PALABRA_REFERENCIA = re.compile(r"\b[A-ZÁÉÍÓÚ]\w+")


def referencia_cpu(repeticiones: int = 5) -> float:
    """ms (mediana) de un trabajo fijo de Python puro que no usa el código de Articula.

    Mide la máquina, no el código: la misma «máquina de 2 núcleos» rindió el doble o la mitad según el día,
    y esta cifra dice cuánto de la diferencia entre dos corridas del benchmark es la máquina.
    """
    tiempos = []
    for _ in range(repeticiones):
        t0 = time.process_time()
        cuenta: dict[str, int] = {}
        for i in range(2000):
            for palabra in _PALABRA_REFERENCIA.findall(_TEXTO_REFERENCIA):
                cuenta[palabra] = cuenta.get(palabra, 0) + i % 3
            " ".join(_TEXTO_REFERENCIA.lower().split())
        tiempos.append((time.process_time() - t0) * 1000)
    return round(statistics.median(tiempos), 1)


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
            "python": platform.python_version(), "python_ejecutable": os.path.realpath(sys.executable),
            "libpython_compartida": libpython_compartida(), "sistema": platform.platform(),
            "fecha": datetime.now().isoformat(timespec="seconds")}


def libpython_compartida(mapas: Path = Path("/proc/self/maps")) -> bool | None:
    """¿El intérprete corre desde libpython*.so (None si no se sabe)?

    Una Python compilada con `--enable-shared` (la de pyenv, por ejemplo) llama a su propio núcleo a través de
    la biblioteca compartida: aquí extrajo ~11 % más lento que la de Debian (/usr/bin/python3.11, enlazada en
    un solo ejecutable) con el mismo código. Sin esta marca, dos corridas no se pueden comparar.
    """
    try:
        return "/libpython" in mapas.read_text()
    except OSError:
        return None
