<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name />
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>Map</source>
            <translation>地图</translation>
        </message>
    </context>
    <context>
        <name>AttributeDock</name>
        <message>
            <source>Attributes</source>
            <translation>属性表</translation>
        </message>
        <message>
            <source>Filter rows…</source>
            <translation>筛选行…</translation>
        </message>
    </context>
    <context>
        <name>IdentifyDock</name>
        <message>
            <source>Identify Results</source>
            <translation>识别结果</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>area (m²)</source>
            <translation>面积（m²）</translation>
        </message>
        <message>
            <source>geometry</source>
            <translation>几何</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Boundaries (sub-district, community, compound)</source>
            <translation>边界（街道、社区、小区）</translation>
        </message>
        <message>
            <source>Buildings</source>
            <translation>楼栋</translation>
        </message>
        <message>
            <source>Streets / walking network</source>
            <translation>道路 / 步行路网</translation>
        </message>
        <message>
            <source>Service centres</source>
            <translation>服务中心</translation>
        </message>
        <message>
            <source>Grid workers (roster)</source>
            <translation>网格员（花名册）</translation>
        </message>
        <message>
            <source>Party branches (roster)</source>
            <translation>党支部（花名册）</translation>
        </message>
        <message>
            <source>WGS84 (GPS, OpenStreetMap)</source>
            <translation>WGS84（GPS、OpenStreetMap）</translation>
        </message>
        <message>
            <source>GCJ-02 (Amap, Tencent)</source>
            <translation>GCJ-02（高德、腾讯）</translation>
        </message>
        <message>
            <source>BD-09 (Baidu)</source>
            <translation>BD-09（百度）</translation>
        </message>
        <message>
            <source>GIS and table files (*.gpkg *.shp *.zip *.geojson *.json *.kml *.csv *.xlsx);;All files (*)</source>
            <translation>GIS 与表格文件 (*.gpkg *.shp *.zip *.geojson *.json *.kml *.csv *.xlsx);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Import Data</source>
            <translation>导入数据</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>(detect)</source>
            <translation>（自动检测）</translation>
        </message>
        <message>
            <source>from the file, e.g. EPSG:4490</source>
            <translation>读取文件自带的坐标系，例如 EPSG:4490</translation>
        </message>
        <message>
            <source>(from a field or the name)</source>
            <translation>（取自字段或名称）</translation>
        </message>
        <message>
            <source>Replace the layer's features</source>
            <translation>替换图层中已有的要素</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>图层</translation>
        </message>
        <message>
            <source>Encoding</source>
            <translation>编码</translation>
        </message>
        <message>
            <source>Source CRS</source>
            <translation>源坐标系</translation>
        </message>
        <message>
            <source>Coordinates</source>
            <translation>坐标类型</translation>
        </message>
        <message>
            <source>Households field</source>
            <translation>户数字段</translation>
        </message>
        <message>
            <source>Residents field</source>
            <translation>人口字段</translation>
        </message>
        <message>
            <source>Name field</source>
            <translation>名称字段</translation>
        </message>
        <message>
            <source>Boundary level</source>
            <translation>边界层级</translation>
        </message>
        <message>
            <source>Choose a file to import</source>
            <translation>选择要导入的文件</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>Follow the system language</source>
            <translation>跟随系统语言</translation>
        </message>
    </context>
    <context>
        <name>LayersDock</name>
        <message>
            <source>Boundaries</source>
            <translation>边界</translation>
        </message>
        <message>
            <source>Grid cells</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Buildings</source>
            <translation>楼栋</translation>
        </message>
        <message>
            <source>Walking network</source>
            <translation>步行路网</translation>
        </message>
        <message>
            <source>Service centres</source>
            <translation>服务中心</translation>
        </message>
        <message>
            <source>Layers</source>
            <translation>图层</translation>
        </message>
        <message>
            <source>Fill</source>
            <translation>填充</translation>
        </message>
        <message>
            <source>Outline</source>
            <translation>轮廓</translation>
        </message>
        <message>
            <source>Outline width</source>
            <translation>轮廓宽度</translation>
        </message>
        <message>
            <source>Opacity</source>
            <translation>不透明度</translation>
        </message>
        <message>
            <source>Labels</source>
            <translation>标注</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>(no labels)</source>
            <translation>（不显示标注）</translation>
        </message>
        <message>
            <source>Choose a colour</source>
            <translation>选择颜色</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;New Plan</source>
            <translation>新建方案(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>打开(&amp;O)…</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>另存为(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Import Data…</source>
            <translation>导入数据(&amp;I)…</translation>
        </message>
        <message>
            <source>Import boundaries, buildings, streets, centres or a roster into the plan</source>
            <translation>向方案导入边界、楼栋、道路、服务中心或花名册</translation>
        </message>
        <message>
            <source>E&amp;xit</source>
            <translation>退出(&amp;X)</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <source>Zoom to &amp;Full Extent</source>
            <translation>缩放至全图(&amp;F)</translation>
        </message>
        <message>
            <source>Zoom to &amp;Layer</source>
            <translation>缩放至图层(&amp;L)</translation>
        </message>
        <message>
            <source>Zoom to &amp;Selection</source>
            <translation>缩放至所选要素(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Pan</source>
            <translation>平移(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Zoom Tool</source>
            <translation>缩放工具(&amp;Z)</translation>
        </message>
        <message>
            <source>S&amp;elect Features</source>
            <translation>选择要素(&amp;E)</translation>
        </message>
        <message>
            <source>I&amp;dentify Features</source>
            <translation>识别要素(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Clear Selection</source>
            <translation>清除选择(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <extracomment>Menus in order: (title, entries). "@undo"/"@redo" come from the undo stack, "@recent" is the recent-files sub-menu, "@docks" the dock toggles.</extracomment>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>Scale 1:%1</source>
            <translation>比例尺 1:%1</translation>
        </message>
        <message>
            <source>Untitled plan</source>
            <translation>未命名方案</translation>
        </message>
        <message>
            <source>Cannot open the plan</source>
            <translation>无法打开方案</translation>
        </message>
        <message>
            <source>Cannot save the plan</source>
            <translation>无法保存方案</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <source>Cannot import %1</source>
            <translation>无法导入 %1</translation>
        </message>
        <message>
            <source>Open Plan</source>
            <translation>打开方案</translation>
        </message>
        <message>
            <source>Save Plan As</source>
            <translation>方案另存为</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>未保存的更改</translation>
        </message>
        <message>
            <source>The plan has unsaved changes. Save them first?</source>
            <translation>方案有未保存的更改。是否先保存？</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message>
            <source>Cannot open the plan</source>
            <translation>无法打开方案</translation>
        </message>
        <message>
            <source>%1: no such file</source>
            <translation>%1：文件不存在</translation>
        </message>
    </context>
</TS>
