<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>AttributeDock</name>
        <message>
            <source>ID</source>
            <extracomment>Columns whose values come from a fixed list, per layer. Counts that cannot be negative. Display titles of the plan's own columns (other columns show their name).</extracomment>
            <translation>编号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>层级</translation>
        </message>
        <message>
            <source>Parent</source>
            <translation>上级</translation>
        </message>
        <message>
            <source>Households</source>
            <translation>户数</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>人口</translation>
        </message>
        <message>
            <source>Floors</source>
            <translation>层数</translation>
        </message>
        <message>
            <source>Households estimated</source>
            <translation>户数为估算</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>Services</source>
            <translation>服务</translation>
        </message>
        <message>
            <source>Capacity</source>
            <translation>容量</translation>
        </message>
        <message>
            <source>Opening hours</source>
            <translation>开放时间</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Street type</source>
            <translation>道路类型</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Secretary</source>
            <translation>书记</translation>
        </message>
        <message>
            <source>Full members</source>
            <translation>正式党员数</translation>
        </message>
        <message>
            <source>Responsible unit</source>
            <translation>责任单位</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>Attributes</source>
            <extracomment>a message for the status bar (an edit refused, a paste done)</extracomment>
            <translation>属性表</translation>
        </message>
        <message>
            <source>Filter rows…</source>
            <translation>筛选行…</translation>
        </message>
        <message>
            <source>%1 features are selected on the map; too scattered to mark in the table</source>
            <translation>地图上已选中 %1 个要素，分布过散，无法在表格中逐一标出</translation>
        </message>
        <message>
            <source>%1 cannot be negative</source>
            <translation>%1不能为负数</translation>
        </message>
        <message>
            <source>%1 cannot be edited</source>
            <translation>%1不可编辑</translation>
        </message>
        <message>
            <source>Pasted %1 cells</source>
            <translation>已粘贴 %1 个单元格</translation>
        </message>
        <message>
            <source>%1 takes a number; “%2” is not one</source>
            <translation>%1须填数字，“%2”不是数字</translation>
        </message>
        <message>
            <source>%1 takes yes or no; “%2” is neither</source>
            <translation>%1须填“是”或“否”，“%2”都不是</translation>
        </message>
        <message>
            <source>%1 must be one of: %2</source>
            <translation>%1须为以下之一：%2</translation>
        </message>
        <message>
            <source>Edit %1 of feature %2</source>
            <translation>编辑要素 %2 的%1</translation>
        </message>
        <message>
            <source>Paste %1 cells into %2</source>
            <translation>向%2粘贴 %1 个单元格</translation>
        </message>
        <message>
            <source>%1 takes a whole number; “%2” is not one</source>
            <translation>%1须填整数，“%2”不是整数</translation>
        </message>
        <message>
            <source>%1 did not fit in the table</source>
            <translation>%1 个超出表格范围，未粘贴</translation>
        </message>
        <message>
            <source>Feature %1: %2</source>
            <translation>要素 %1：%2</translation>
        </message>
    </context>
    <context>
        <name>AutoAssign</name>
        <message>
            <source>Full-time worker</source>
            <translation>专职网格员</translation>
        </message>
        <message>
            <source>Grid leader</source>
            <translation>网格长</translation>
        </message>
        <message>
            <source>Extra worker</source>
            <translation>增配网格员</translation>
        </message>
        <message>
            <source>Joint branch</source>
            <translation>联合党支部</translation>
        </message>
        <message>
            <source>Grid branch</source>
            <translation>网格党支部</translation>
        </message>
        <message>
            <source>Grid %1 has no Party branch</source>
            <extracomment>The core's English reasons (assignment.py) and their translatable templates; the groups fill %1, %2, ... in order. Unknown texts are shown as they are.</extracomment>
            <translation>网格 %1 尚无党支部</translation>
        </message>
        <message>
            <source>Grid %1 has no full-time worker (%2 households)</source>
            <translation>网格 %1 没有专职网格员（%2 户）</translation>
        </message>
        <message>
            <source>Grid %1 has no grid leader; promote a full-time worker</source>
            <translation>网格 %1 没有网格长；由一名专职网格员担任</translation>
        </message>
        <message>
            <source>%1 households per full-time worker is more than %2; %3 with one more</source>
            <translation>每名专职网格员负责 %1 户，超过 %2 户；增配一人后为 %3 户</translation>
        </message>
        <message>
            <source>Branches %1 have fewer than %2 full members each; together %3</source>
            <translation>党支部 %1 的正式党员均少于 %2 名；合并后共 %3 名</translation>
        </message>
        <message>
            <source>Grid %1 (%2): no unassigned full-time worker left</source>
            <translation>网格 %1（%2）：已无未分配的专职网格员</translation>
        </message>
        <message>
            <source>Grid %1 (%2): no full-time worker left to lead it</source>
            <translation>网格 %1（%2）：已无可担任网格长的专职网格员</translation>
        </message>
        <message>
            <source>Grid %1 (%2): %3 households per full-time worker, more than %4, and no worker is left</source>
            <translation>网格 %1（%2）：每名专职网格员负责 %3 户，超过 %4 户，且已无可增配的网格员</translation>
        </message>
        <message>
            <source>Branch %1 (grid %2) has %3 full members, fewer than %4, and no neighbouring small grid branch to join (branches of %4 or more are not merged)</source>
            <translation>党支部 %1（网格 %2）有正式党员 %3 名，少于 %4 名，且没有可联合的相邻小支部（%4 名及以上的支部不合并）</translation>
        </message>
        <message>
            <source>Grid %1 has no grid leader; %2 is one (imported as grid leader)</source>
            <translation>网格 %1 没有网格长；%2 是已导入的网格长</translation>
        </message>
        <message>
            <source>Auto-assign Grid Workers and Branches</source>
            <extracomment>Qt's translate under a name pyside6-lupdate recognises (with a literal context).</extracomment>
            <translation>自动分配网格员和党支部</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>更改</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>人员</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Needs nobody available can fill:</source>
            <translation>现有人员无法满足的需求：</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>全选</translation>
        </message>
        <message>
            <source>Select None</source>
            <translation>全不选</translation>
        </message>
        <message>
            <source>Apply Selected</source>
            <translation>应用所选</translation>
        </message>
        <message>
            <source>Every grid needs a grid leader, a full-time worker and a Party branch of at least three full members. Uncheck the changes you do not want; the rest is applied as one step that Undo takes back.</source>
            <translation>每个网格都需要一名网格长、一名专职网格员和一个至少有三名正式党员的党支部。取消勾选不需要的更改，其余更改作为一步应用，可以撤销。</translation>
        </message>
        <message>
            <source>Nothing to propose: every grid that can be staffed from the roster already is.</source>
            <translation>没有可建议的更改：凡能从花名册配备人员的网格都已配备。</translation>
        </message>
        <message>
            <source>%1 of %2 changes selected</source>
            <translation>已选 %1 / %2 项更改</translation>
        </message>
    </context>
    <context>
        <name>AutosaveFeature</name>
        <message>
            <source>Could not write the recovery copy: %1</source>
            <extracomment>milliseconds of quiet after the last edit before the copy is written</extracomment>
            <translation>无法写入恢复副本：%1</translation>
        </message>
        <message>
            <source>Cannot restore the recovery copy</source>
            <translation>无法恢复副本</translation>
        </message>
        <message>
            <source>Unsaved changes restored</source>
            <translation>已恢复未保存的更改</translation>
        </message>
        <message>
            <source>Unsaved changes found</source>
            <translation>发现未保存的更改</translation>
        </message>
        <message>
            <source>gridplanner closed without saving this plan. A copy of the unsaved changes from %1 was kept. Restore it?</source>
            <translation>gridplanner 上次未保存此方案就关闭了。系统保留了 %1 时未保存更改的副本。是否恢复？</translation>
        </message>
    </context>
    <context>
        <name>BasemapMessages</name>
        <message>
            <source>Basemap %1: the tile server does not answer; showing the tiles already saved on this computer</source>
            <translation>底图 %1：瓦片服务器无响应，仅显示本机已缓存的瓦片</translation>
        </message>
        <message>
            <source>Basemap %1: the server refused the tiles (HTTP %2); check the key or the address</source>
            <translation>底图 %1：服务器拒绝提供瓦片（HTTP %2），请检查密钥或地址</translation>
        </message>
        <message>
            <source>Basemap %1: the server sent something that is not a map tile (tile %2)</source>
            <translation>底图 %1：服务器返回的内容不是地图瓦片（瓦片 %2）</translation>
        </message>
        <message>
            <source>Basemap %1: tile %2 is damaged and is left out</source>
            <translation>底图 %1：瓦片 %2 已损坏，未予显示</translation>
        </message>
        <message>
            <source>Basemap %1 needs a key: set it in Basemap → Tianditu Key…</source>
            <translation>底图 %1 需要密钥：请在“底图 → 天地图密钥…”中设置</translation>
        </message>
        <message>
            <source>Basemap %1: the file cannot be read (%2)</source>
            <translation>底图 %1：无法读取文件（%2）</translation>
        </message>
    </context>
    <context>
        <name>CellAttributeDialog</name>
        <message>
            <source>Cell Attributes</source>
            <translation>网格属性</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>Comprehensive grid</source>
            <translation>综合网格</translation>
        </message>
        <message>
            <source>Dedicated grid</source>
            <translation>专属网格</translation>
        </message>
        <message>
            <source>Code:</source>
            <translation>编码：</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>类型：</translation>
        </message>
        <message>
            <source>Community:</source>
            <translation>社区：</translation>
        </message>
        <message>
            <source>Responsible unit:</source>
            <translation>责任单位：</translation>
        </message>
        <message>
            <source>Notes:</source>
            <translation>备注：</translation>
        </message>
    </context>
    <context>
        <name>CentreDialog</name>
        <message>
            <source>Centre Attributes</source>
            <translation>服务中心属性</translation>
        </message>
        <message>
            <source>other services, comma-separated</source>
            <translation>其他服务，用逗号分隔</translation>
        </message>
        <message>
            <source>not set</source>
            <translation>未设置</translation>
        </message>
        <message>
            <source> households</source>
            <translation> 户</translation>
        </message>
        <message>
            <source>e.g. 08:30-20:30</source>
            <translation>例如 08:30-20:30</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <source>Type:</source>
            <translation>类型：</translation>
        </message>
        <message>
            <source>Services:</source>
            <translation>服务：</translation>
        </message>
        <message>
            <source>Capacity:</source>
            <translation>容量：</translation>
        </message>
        <message>
            <source>Opening hours:</source>
            <translation>开放时间：</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>状态：</translation>
        </message>
        <message>
            <source>Year:</source>
            <translation>年份：</translation>
        </message>
        <message>
            <source>Floor area:</source>
            <translation>建筑面积：</translation>
        </message>
        <message>
            <source>Scenarios:</source>
            <translation>方案：</translation>
        </message>
        <message>
            <source>Notes:</source>
            <translation>备注：</translation>
        </message>
        <message>
            <source>The year it opened, or is due to open</source>
            <translation>建成或计划建成的年份</translation>
        </message>
        <message>
            <source>empty: in every scenario</source>
            <translation>留空：属于所有方案</translation>
        </message>
        <message>
            <source>Named placement variants this centre belongs to, comma-separated (e.g. 2025 plan, suggested)</source>
            <translation>该服务中心所属的布局方案名称，以逗号分隔（如：2025规划、推荐）</translation>
        </message>
    </context>
    <context>
        <name>CentreTable</name>
        <message>
            <source>built</source>
            <translation>已建成</translation>
        </message>
        <message>
            <source>under construction</source>
            <translation>在建</translation>
        </message>
        <message>
            <source>planned</source>
            <translation>规划</translation>
        </message>
        <message>
            <source>pilot</source>
            <translation>试点</translation>
        </message>
        <message>
            <source>Centre</source>
            <translation>服务中心</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Buildings</source>
            <translation>楼栋</translation>
        </message>
        <message>
            <source>Households</source>
            <translation>户数</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>人口</translation>
        </message>
        <message>
            <source>Grids</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Communities</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>Capacity</source>
            <translation>容量（户）</translation>
        </message>
        <message>
            <source>Over capacity by</source>
            <translation>超出容量（户）</translation>
        </message>
    </context>
    <context>
        <name>Centres</name>
        <message>
            <source>Neighbourhood centre</source>
            <translation>党建+邻里中心</translation>
        </message>
        <message>
            <source>Party-mass service station</source>
            <translation>党群服务站</translation>
        </message>
        <message>
            <source>Health station</source>
            <translation>社区卫生服务站</translation>
        </message>
        <message>
            <source>Day care for the elderly</source>
            <translation>日间照料中心</translation>
        </message>
        <message>
            <source>Childcare</source>
            <translation>托育</translation>
        </message>
        <message>
            <source>Market</source>
            <translation>菜市场</translation>
        </message>
        <message>
            <source>Culture and sports room</source>
            <translation>文体活动室</translation>
        </message>
        <message>
            <source>One-stop public services</source>
            <translation>一站式便民服务</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Elderly care</source>
            <translation>养老</translation>
        </message>
        <message>
            <source>Health</source>
            <translation>医疗卫生</translation>
        </message>
        <message>
            <source>Food</source>
            <translation>餐饮与菜市场</translation>
        </message>
        <message>
            <source>Culture and leisure</source>
            <translation>文体</translation>
        </message>
        <message>
            <source>Public affairs</source>
            <translation>便民服务</translation>
        </message>
        <message>
            <source>Built</source>
            <translation>已建成</translation>
        </message>
        <message>
            <source>Under construction</source>
            <translation>在建</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>规划</translation>
        </message>
        <message>
            <source>Pilot</source>
            <translation>试点</translation>
        </message>
    </context>
    <context>
        <name>CityStore</name>
        <message>
            <source>Layer</source>
            <translation>图层</translation>
        </message>
        <message>
            <source>Feature</source>
            <translation>要素</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>情况</translation>
        </message>
        <message>
            <source>Attribute</source>
            <translation>属性</translation>
        </message>
        <message>
            <source>Mine</source>
            <translation>我的版本</translation>
        </message>
        <message>
            <source>Theirs</source>
            <translation>对方版本</translation>
        </message>
        <message>
            <source>Keep</source>
            <translation>保留</translation>
        </message>
        <message>
            <source>changed by both</source>
            <translation>双方都修改了</translation>
        </message>
        <message>
            <source>deleted by the other office</source>
            <translation>对方已删除</translation>
        </message>
        <message>
            <source>added by both</source>
            <translation>双方都新增了</translation>
        </message>
        <message>
            <source>deleted here, changed there</source>
            <translation>本机已删除，对方已修改</translation>
        </message>
        <message>
            <source>Open Plan from Database</source>
            <translation>从数据库打开方案</translation>
        </message>
        <message>
            <source>The password is used for this connection only; it is never saved. Leave it empty when the server does not ask for one.</source>
            <translation>密码只用于本次连接，不会被保存。服务器不要求密码时请留空。</translation>
        </message>
        <message>
            <source>Another office changed the same features</source>
            <translation>其他单位修改了相同的要素</translation>
        </message>
        <message>
            <source>Keep All Mine</source>
            <translation>全部保留我的</translation>
        </message>
        <message>
            <source>Take All Theirs</source>
            <translation>全部采用对方的</translation>
        </message>
        <message>
            <source>Save with These Choices</source>
            <translation>按所选保存</translation>
        </message>
        <message>
            <source>Plan settings</source>
            <translation>方案设置</translation>
        </message>
        <message>
            <source>Keep mine</source>
            <translation>保留我的</translation>
        </message>
        <message>
            <source>Take theirs</source>
            <translation>采用对方的</translation>
        </message>
        <message>
            <source>Host:</source>
            <translation>主机：</translation>
        </message>
        <message>
            <source>Port:</source>
            <translation>端口：</translation>
        </message>
        <message>
            <source>Database:</source>
            <translation>数据库：</translation>
        </message>
        <message>
            <source>User:</source>
            <translation>用户：</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>密码：</translation>
        </message>
        <message>
            <source>Plan (schema):</source>
            <translation>方案（模式）：</translation>
        </message>
        <message>
            <source>changed here</source>
            <translation>本机已修改</translation>
        </message>
        <message>
            <source>deleted here</source>
            <translation>本机已删除</translation>
        </message>
        <message>
            <source>changed by the other office</source>
            <translation>对方已修改</translation>
        </message>
        <message>
            <source>(same values)</source>
            <translation>（值相同）</translation>
        </message>
        <message>
            <source>Since you opened this plan, another office saved changes to %1 feature(s) you changed too. Nothing has been saved yet. Choose per feature which version to keep.</source>
            <translation>在您打开本方案之后，其他单位保存了对 %1 个要素的修改，而这些要素您也修改过。目前尚未保存任何内容。请逐个要素选择保留哪个版本。</translation>
        </message>
        <message>
            <source>geometry</source>
            <translation>几何形状</translation>
        </message>
        <message>
            <source>The plan (schema) name %1 may hold only letters, digits and underscores, and must not start with a digit.</source>
            <translation>方案（模式）名称 %1 只能包含字母、数字和下划线，且不能以数字开头。</translation>
        </message>
        <message>
            <source>Database %1 has no PostGIS. Ask the database administrator to install it.</source>
            <translation>数据库 %1 未安装 PostGIS。请联系数据库管理员安装。</translation>
        </message>
        <message>
            <source>Cannot open the plan</source>
            <translation>无法打开方案</translation>
        </message>
        <message>
            <source>Opened %1 from the database</source>
            <translation>已从数据库打开 %1</translation>
        </message>
        <message>
            <source>Cannot save the plan</source>
            <translation>无法保存方案</translation>
        </message>
        <message>
            <source>Database %1 holds no plan called %2. Check Database and Plan (schema).</source>
            <translation>数据库 %1 中没有名为 %2 的方案。请检查数据库和方案（模式）。</translation>
        </message>
        <message>
            <source>Could not save to database %1: %2

Nothing was saved; your changes are still here.</source>
            <translation>无法保存到数据库 %1：%2

没有保存任何内容；您的修改仍然保留。</translation>
        </message>
        <message>
            <source>Not saved: the conflicts are still open</source>
            <translation>未保存：冲突尚未处理</translation>
        </message>
        <message>
            <source>Fill in %1.</source>
            <translation>请填写%1。</translation>
        </message>
        <message>
            <source>Saved %1 feature(s) to %2</source>
            <translation>已将 %1 个要素保存到 %2</translation>
        </message>
        <message>
            <source>Cannot connect to database %1 on %2, port %3, as user %4: %5

Check Host, Port, Database, User and Password.</source>
            <translation>无法以用户 %4 连接到 %2（端口 %3）上的数据库 %1：%5

请检查主机、端口、数据库、用户和密码。</translation>
        </message>
    </context>
    <context>
        <name>CodeDialog</name>
        <message>
            <source>Grid Codes</source>
            <translation>网格编码</translation>
        </message>
        <message>
            <source>DB11/T 2157-2023, 15 digits</source>
            <translation>DB11/T 2157-2023，15 位</translation>
        </message>
        <message>
            <source>CJ/T 349-2010, 20 digits</source>
            <translation>CJ/T 349-2010，20 位</translation>
        </message>
        <message>
            <source>Renumber every cell (otherwise valid codes are kept)</source>
            <translation>全部重新编号（否则保留仍有效的编码）</translation>
        </message>
        <message>
            <source>Scheme:</source>
            <translation>编码方案：</translation>
        </message>
        <message>
            <source>Category (CJ/T 349):</source>
            <translation>类别码（CJ/T 349）：</translation>
        </message>
    </context>
    <context>
        <name>CoverageDock</name>
        <message>
            <source>Walking Coverage</source>
            <translation>步行覆盖</translation>
        </message>
        <message>
            <source>Levels:</source>
            <translation>距离等级：</translation>
        </message>
        <message>
            <source>Service:</source>
            <translation>服务：</translation>
        </message>
        <message>
            <source>Target share:</source>
            <translation>目标比例：</translation>
        </message>
        <message>
            <source>Compute</source>
            <translation>计算</translation>
        </message>
        <message>
            <source>Walking distances in metres, or times in minutes at the walking speed, separated by commas</source>
            <translation>步行距离（米），或按步行速度换算的时间（分钟），用逗号分隔</translation>
        </message>
        <message>
            <source>m</source>
            <translation>米</translation>
        </message>
        <message>
            <source>min</source>
            <translation>分钟</translation>
        </message>
        <message>
            <source>Standard…</source>
            <translation>标准…</translation>
        </message>
        <message>
            <source>5/10/15-minute circles: 300, 500, 1,000 m</source>
            <translation>5/10/15分钟生活圈：300、500、1000米</translation>
        </message>
        <message>
            <source>5, 10, 15 minutes at the walking speed</source>
            <translation>按步速计5、10、15分钟</translation>
        </message>
        <message>
            <source>The life circles of GB 50180-2018 name 300, 500 and 1,000 m the 5-, 10- and 15-minute circles</source>
            <translation>GB 50180-2018 将300、500、1000米分别称为5、10、15分钟生活圈</translation>
        </message>
        <message>
            <source>Whole plan</source>
            <translation>整个方案</translation>
        </message>
        <message>
            <source>Per community</source>
            <translation>按社区</translation>
        </message>
        <message>
            <source>Per grid cell</source>
            <translation>按网格</translation>
        </message>
        <message>
            <source>Per service</source>
            <translation>按服务</translation>
        </message>
        <message>
            <source>All services</source>
            <translation>全部服务</translation>
        </message>
        <message>
            <source>Residents covered</source>
            <translation>覆盖人口</translation>
        </message>
        <message>
            <source>Households covered</source>
            <translation>覆盖户数</translation>
        </message>
        <message>
            <source>Tallies</source>
            <translation>统计</translation>
        </message>
        <message>
            <source>Scenarios</source>
            <translation>方案比较</translation>
        </message>
        <message>
            <source>Coverage not computed yet.</source>
            <translation>尚未计算覆盖。</translation>
        </message>
        <message>
            <source>Method: straight line — no network loaded. Distances are as the crow flies, not walked.</source>
            <translation>方法：直线距离——未加载路网。距离为两点间直线距离，并非步行距离。</translation>
        </message>
        <message>
            <source>Method: walking network (distances along streets and paths).</source>
            <translation>方法：步行路网（沿道路和小路计算距离）。</translation>
        </message>
        <message>
            <source>residents</source>
            <translation>人口</translation>
        </message>
        <message>
            <source>households</source>
            <translation>户数</translation>
        </message>
        <message>
            <source>meets</source>
            <translation>达到</translation>
        </message>
        <message>
            <source>misses</source>
            <translation>未达到</translation>
        </message>
        <message>
            <source>%1 of %2 within %3: %4 the %5 target.</source>
            <translation>%3 内覆盖%2的 %1：%4 %5 的目标。</translation>
        </message>
        <message>
            <source>Area</source>
            <translation>区域</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>服务</translation>
        </message>
        <message>
            <source>Households</source>
            <translation>户数</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>人口</translation>
        </message>
        <message>
            <source>≤ %1 m</source>
            <translation>≤ %1 米</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 分钟</translation>
        </message>
        <message>
            <source>share</source>
            <translation>比例</translation>
        </message>
        <message>
            <source>%1 households, %2 residents covered</source>
            <translation>覆盖 %1 户、%2 人</translation>
        </message>
        <message>
            <source>Centres</source>
            <translation>服务中心</translation>
        </message>
        <message>
            <source>Building</source>
            <translation>楼栋</translation>
        </message>
        <message>
            <source>Distance</source>
            <translation>距离</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>Cell</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Uncovered</source>
            <translation>未覆盖</translation>
        </message>
        <message>
            <source>no centre reached</source>
            <translation>无可达的服务中心</translation>
        </message>
        <message>
            <source>Uncovered (%1)</source>
            <translation>未覆盖（%1）</translation>
        </message>
        <message>
            <source>Centres (%1 over capacity)</source>
            <translation>服务中心（%1个超容量）</translation>
        </message>
        <message>
            <source>What each centre serves as the nearest centre within %1, and its capacity in households</source>
            <translation>各服务中心作为%1内最近中心所服务的范围，以及其容量（户）</translation>
        </message>
    </context>
    <context>
        <name>CoverageFeature</name>
        <message>
            <source>Set walking levels</source>
            <translation>设置步行距离等级</translation>
        </message>
        <message>
            <source>straight line — no network loaded</source>
            <translation>直线距离——未加载路网</translation>
        </message>
        <message>
            <source>walking network</source>
            <translation>步行路网</translation>
        </message>
        <message>
            <source>Coverage computed (%1).</source>
            <translation>覆盖已计算（%1）。</translation>
        </message>
        <message>
            <source>New centre %1</source>
            <translation>新服务中心 %1</translation>
        </message>
        <message>
            <source>Select one centre to edit its attributes.</source>
            <translation>请选择一个服务中心以编辑其属性。</translation>
        </message>
        <message>
            <source>%1 (suggested)</source>
            <translation>%1（推荐）</translation>
        </message>
        <message>
            <source>Suggested site %1</source>
            <translation>建议选址 %1</translation>
        </message>
        <message>
            <source>Add suggested centre</source>
            <translation>添加建议的服务中心</translation>
        </message>
        <message>
            <source>One Station per Grid</source>
            <translation>一网格一阵地</translation>
        </message>
        <message>
            <source>The one-station-per-grid rule is off.</source>
            <translation>未启用“一网格一阵地”规则。</translation>
        </message>
        <message>
            <source>Set the station rule</source>
            <translation>设置一网格一阵地规则</translation>
        </message>
        <message>
            <source>%1 grids without a Party-mass service station</source>
            <translation>%1个网格没有党群服务站</translation>
        </message>
        <message>
            <source>Walking Network</source>
            <translation>步行路网</translation>
        </message>
        <message>
            <source>No walking network loaded: import streets first. Coverage uses straight lines meanwhile.</source>
            <translation>未加载步行路网：请先导入道路。在此之前，覆盖按直线距离计算。</translation>
        </message>
        <message>
            <source>%1 pieces, %2 dead ends, %3 buildings on pieces cut off from the main network</source>
            <translation>%1 个连通片，%2 个断头路端点，%3 栋楼位于与主路网不连通的片段上</translation>
        </message>
    </context>
    <context>
        <name>CrsLabel</name>
        <message>
            <source>No CRS yet</source>
            <translation>尚无坐标系</translation>
        </message>
        <message>
            <source>custom CRS</source>
            <translation>自定义坐标系</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Excel workbook (one sheet per community)</source>
            <translation>Excel 工作簿（每个社区一个工作表）</translation>
        </message>
        <message>
            <source>Excel files (*.xlsx)</source>
            <translation>Excel 文件 (*.xlsx)</translation>
        </message>
        <message>
            <source>CSV table (UTF-8, opens in Excel)</source>
            <translation>CSV 表格（UTF-8，可用 Excel 打开）</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <source>GeoPackage (cells, centres, coverage)</source>
            <translation>GeoPackage（网格、服务中心、覆盖范围）</translation>
        </message>
        <message>
            <source>GeoPackage files (*.gpkg)</source>
            <translation>GeoPackage 文件 (*.gpkg)</translation>
        </message>
        <message>
            <source>Shapefiles (a folder)</source>
            <translation>Shapefile（一个文件夹）</translation>
        </message>
        <message>
            <source>GeoJSON (WGS84)</source>
            <translation>GeoJSON（WGS84）</translation>
        </message>
        <message>
            <source>GeoJSON files (*.geojson)</source>
            <translation>GeoJSON 文件 (*.geojson)</translation>
        </message>
        <message>
            <source>Web map (opens without a server)</source>
            <translation>网页地图（无需服务器即可打开）</translation>
        </message>
        <message>
            <source>Web pages (*.html)</source>
            <translation>网页 (*.html)</translation>
        </message>
        <message>
            <source>Export Tables, Layers and Web Map</source>
            <translation>导出表格、图层和网页地图</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Language of headers and legends:</source>
            <translation>表头和图例语言：</translation>
        </message>
        <message>
            <source>Chinese</source>
            <translation>中文</translation>
        </message>
        <message>
            <source>English</source>
            <translation>英文</translation>
        </message>
        <message>
            <source>Web map: OpenStreetMap background (needs internet)</source>
            <translation>网页地图：OpenStreetMap 底图（需联网）</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>%1 is the open plan; an export never replaces it. Choose another file name.</source>
            <translation>%1 是当前打开的方案，导出不会覆盖方案。请另选文件名。</translation>
        </message>
        <message>
            <source>%1 is a plan that %2 is saving; an export never replaces a plan. Choose another file name.</source>
            <translation>%1 是 %2 正在保存的方案，导出不会覆盖方案。请另选文件名。</translation>
        </message>
        <message>
            <source>%1 is a gridplanner plan; an export never replaces a plan. Choose another file name.</source>
            <translation>%1 是 gridplanner 方案文件，导出不会覆盖方案。请另选文件名。</translation>
        </message>
        <message>
            <source>Wrote %1</source>
            <translation>已写入 %1</translation>
        </message>
        <message>
            <source>Stopped: %1</source>
            <translation>已停止：%1</translation>
        </message>
        <message>
            <source>Tick at least one format.</source>
            <translation>请至少勾选一种格式。</translation>
        </message>
    </context>
    <context>
        <name>FindingTexts</name>
        <message>
            <source>The plan has no roster yet: import grid workers and Party branches to check every grid's leader, workers and branch</source>
            <translation>方案尚无人员花名册：请导入网格员和党支部，以检查每个网格的网格长、网格员和党支部</translation>
        </message>
        <message>
            <source>Cell %1 has no outline</source>
            <translation>网格 %1 没有边界</translation>
        </message>
        <message>
            <source>Cell %1 has an invalid outline</source>
            <translation>网格 %1 的边界无效</translation>
        </message>
        <message>
            <source>Cell %1 is in pieces that touch only at points</source>
            <translation>网格 %1 由只在点上相接的几块组成</translation>
        </message>
        <message>
            <source>Cell %1 is in separate pieces</source>
            <translation>网格 %1 由互不相连的几块组成</translation>
        </message>
        <message>
            <source>Cells %1 overlap by %2 m²</source>
            <translation>网格 %1 重叠 %2 m²</translation>
        </message>
        <message>
            <source>%2 m² of community %3 are in no cell</source>
            <translation>%3 有 %2 m² 不在任何网格内</translation>
        </message>
        <message>
            <source>Cell %1 names no community of the plan</source>
            <translation>网格 %1 没有归属本方案中的社区</translation>
        </message>
        <message>
            <source>Cell %1 lies outside its community %3</source>
            <translation>网格 %1 位于所属社区 %3 之外</translation>
        </message>
        <message>
            <source>Cell %1 crosses the boundary of %3: %2 m² lie outside it</source>
            <translation>网格 %1 跨越 %3 的边界：有 %2 m² 在社区外</translation>
        </message>
        <message>
            <source>%4 building(s) lie in no cell</source>
            <translation>%4 栋楼不在任何网格内</translation>
        </message>
        <message>
            <source>A building lies in cells %1</source>
            <translation>有楼栋同时位于网格 %1 内</translation>
        </message>
        <message>
            <source>Cell %1: the boundary cuts through %4 building(s)</source>
            <translation>网格 %1：边界切开了 %4 栋楼</translation>
        </message>
        <message>
            <source>Cell %1 has %5 households, below the range</source>
            <translation>网格 %1 有 %5 户，低于设定范围</translation>
        </message>
        <message>
            <source>Cell %1 has %5 households, above the range</source>
            <translation>网格 %1 有 %5 户，高于设定范围</translation>
        </message>
        <message>
            <source>Cell %1 has %5 residents, more than the maximum</source>
            <translation>网格 %1 有 %5 人，超过上限</translation>
        </message>
        <message>
            <source>Cells %1 share one code</source>
            <translation>网格 %1 编码相同</translation>
        </message>
        <message>
            <source>Cell %1 has no code</source>
            <translation>网格 %1 没有编码</translation>
        </message>
        <message>
            <source>Cell %1 has an invalid code</source>
            <translation>网格 %1 的编码无效</translation>
        </message>
        <message>
            <source>Grid {cell} has no grid leader</source>
            <extracomment>Kinds whose finding carries ``params``: the template's ``{name}`` fields are filled from them (roster rules, network health).</extracomment>
            <translation>网格 {cell} 没有网格长</translation>
        </message>
        <message>
            <source>Grid {cell} has no full-time grid worker</source>
            <translation>网格 {cell} 没有专职网格员</translation>
        </message>
        <message>
            <source>Grid {cell} has no Party branch (its own or a joint one)</source>
            <translation>网格 {cell} 没有党支部（本网格支部或联合党支部）</translation>
        </message>
        <message>
            <source>Branch {branch} has {members} full Party members, fewer than {minimum}; form a joint branch with a neighbouring grid</source>
            <translation>党支部 {branch} 只有 {members} 名正式党员，少于 {minimum} 名；请与相邻网格组建联合党支部</translation>
        </message>
        <message>
            <source>Joint branch {branch} covers grids that are not neighbours: {cells}</source>
            <translation>联合党支部 {branch} 覆盖的网格互不相邻：{cells}</translation>
        </message>
        <message>
            <source>Grid worker {worker} looks after {load} households, more than {limit}</source>
            <translation>网格员 {worker} 负责 {load} 户，超过 {limit} 户</translation>
        </message>
        <message>
            <source>{worker} ({phone}) is listed {count} times in the roster</source>
            <translation>{worker}（{phone}）在花名册中出现 {count} 次</translation>
        </message>
        <message>
            <source>{worker} works in {count} communities: {communities}</source>
            <translation>{worker} 在 {count} 个社区任职：{communities}</translation>
        </message>
        <message>
            <source>Phone {phone} is given for {count} people: {names}</source>
            <translation>电话 {phone} 登记给了 {count} 人：{names}</translation>
        </message>
        <message>
            <source>Dedicated grid {cell} names no responsible unit</source>
            <translation>专属网格 {cell} 未填写责任单位</translation>
        </message>
        <message>
            <source>Communities {first} and {second} overlap by {area} m²; fix the boundaries (import them again with overlaps fixed). Cells affected: {cells}</source>
            <translation>社区{first}与{second}重叠{area}平方米；请修正社区边界（勾选修正重叠后重新导入）。受影响的网格：{cells}</translation>
        </message>
        <message>
            <source>Branch {name} belongs to {own} but is assigned to grid {cells} of {communities}</source>
            <translation>党支部{name}属于{own}，却被分配到{communities}的网格 {cells}</translation>
        </message>
        <message>
            <source>Grid worker {name} belongs to {own} but is assigned to grid {cells} of {communities}</source>
            <translation>网格员{name}属于{own}，却被分配到{communities}的网格 {cells}</translation>
        </message>
        <message>
            <source>Micro-grid {micro} belongs to no grid</source>
            <translation>微网格 {micro} 不属于任何网格</translation>
        </message>
        <message>
            <source>Micro-grid {micro} reaches {area} m² outside its grid {cell}</source>
            <translation>微网格 {micro} 有 {area} 平方米超出所属网格 {cell}</translation>
        </message>
        <message>
            <source>Micro-grids {micro} and {other} overlap by {area} m²</source>
            <translation>微网格 {micro} 与 {other} 重叠 {area} 平方米</translation>
        </message>
        <message>
            <source>{area} m² of grid {cell} are in no micro-grid</source>
            <translation>网格 {cell} 有 {area} 平方米未划入任何微网格</translation>
        </message>
        <message>
            <source>{count} micro-grids of grid {cell} share the number {number}</source>
            <translation>网格 {cell} 有 {count} 个微网格编号同为 {number}</translation>
        </message>
        <message>
            <source>Micro-grid {micro} has {households} households, below the range {low}–{high}</source>
            <translation>微网格 {micro} 有 {households} 户，低于 {low}–{high} 户的范围</translation>
        </message>
        <message>
            <source>Micro-grid {micro} has {households} households, above the range {low}–{high}</source>
            <translation>微网格 {micro} 有 {households} 户，高于 {low}–{high} 户的范围</translation>
        </message>
        <message>
            <source>Micro-grid {micro}: its edge cuts through {count} building(s)</source>
            <translation>微网格 {micro}：边界切分了 {count} 栋楼</translation>
        </message>
        <message>
            <source>{name} sits under #{parent}, which the plan does not have</source>
            <translation>{name} 的上级 #{parent} 在方案中不存在</translation>
        </message>
        <message>
            <source>Party group {group} does not sit under a Party branch</source>
            <translation>党小组 {group} 未隶属于任何党支部</translation>
        </message>
        <message>
            <source>Micro-grid {micro} has no Party-member household and no steward</source>
            <translation>微网格 {micro} 没有党员中心户，也没有楼栋长</translation>
        </message>
        <message>
            <source>Party-member household {name} looks after {households} households, outside the range {low}–{high}</source>
            <translation>党员中心户 {name} 联系 {households} 户，不在 {low}–{high} 户的范围内</translation>
        </message>
        <message>
            <source>Compound {compound} has {members} resident Party members but no compound branch and no reason recorded</source>
            <translation>小区 {compound} 有 {members} 名居住党员，但未建小区党支部，也未注明原因</translation>
        </message>
        <message>
            <source>Network line {line} has no length (its points coincide)</source>
            <translation>路网线段 {line} 长度为零（端点重合）</translation>
        </message>
        <message>
            <source>Network line {line} ends without meeting another line</source>
            <translation>路网线段 {line} 为断头路（未与其他线段相连）</translation>
        </message>
        <message>
            <source>Grid {cell} has no Party-mass service station inside it or within {distance} m walk (one station per grid)</source>
            <translation>网格 {cell} 内及步行{distance}米范围内没有党群服务站（一网格一阵地）</translation>
        </message>
        <message>
            <source>A piece of network of {length} m ({lines} lines) is not joined to the main network; {stranded} buildings join it</source>
            <translation>一段长 {length} 米（{lines} 条线段）的路网未与主路网连通；有 {stranded} 栋楼接入该段</translation>
        </message>
        <message>
            <source>{table} row {row}: {column} names {refers_to} row {value}, which does not exist</source>
            <translation>{table} 第 {row} 行：{column} 指向 {refers_to} 第 {value} 行，但该行不存在</translation>
        </message>
        <message>
            <source>{table} row {row}: {column} is empty</source>
            <translation>{table} 第 {row} 行：{column} 为空</translation>
        </message>
        <message>
            <source>{table} row {row}: “{value}” is neither a grid worker nor a Party branch</source>
            <translation>{table} 第 {row} 行：“{value}”既不是网格员也不是党支部</translation>
        </message>
        <message>
            <source>{table} row {row} repeats {value} on the same cell</source>
            <translation>{table} 第 {row} 行在同一网格中重复了 {value}</translation>
        </message>
        <message>
            <source>{count} feature(s) of {table} have an invalid shape (rows {rows})</source>
            <translation>{table} 有 {count} 个要素图形无效（第 {rows} 行）</translation>
        </message>
        <message>
            <source>(no one is assigned to any grid yet)</source>
            <translation>（尚未向任何网格分配人员）</translation>
        </message>
        <message>
            <source>{count} dead ends in the walking network</source>
            <translation>步行路网中有 {count} 处断头路</translation>
        </message>
    </context>
    <context>
        <name>FindingsDock</name>
        <message>
            <source>Empty cell</source>
            <extracomment>zooming to a finding shows at least this many metres around it human names of the finding kinds that grid validation reports</extracomment>
            <translation>空网格</translation>
        </message>
        <message>
            <source>Invalid outline</source>
            <translation>边界无效</translation>
        </message>
        <message>
            <source>Multi-part cell</source>
            <translation>多部件网格</translation>
        </message>
        <message>
            <source>Non-contiguous cell</source>
            <translation>网格不连续</translation>
        </message>
        <message>
            <source>Overlap</source>
            <translation>重叠</translation>
        </message>
        <message>
            <source>Gap</source>
            <translation>空隙</translation>
        </message>
        <message>
            <source>No community</source>
            <translation>未归属社区</translation>
        </message>
        <message>
            <source>Outside its community</source>
            <translation>位于所属社区之外</translation>
        </message>
        <message>
            <source>Crosses a community boundary</source>
            <translation>跨越社区边界</translation>
        </message>
        <message>
            <source>Building in no cell</source>
            <translation>楼栋不在任何网格内</translation>
        </message>
        <message>
            <source>Building in two cells</source>
            <translation>楼栋同属两个网格</translation>
        </message>
        <message>
            <source>Building cut by a boundary</source>
            <translation>楼栋被网格边界切开</translation>
        </message>
        <message>
            <source>Households below range</source>
            <translation>户数低于范围</translation>
        </message>
        <message>
            <source>Households above range</source>
            <translation>户数高于范围</translation>
        </message>
        <message>
            <source>Too many residents</source>
            <translation>人口过多</translation>
        </message>
        <message>
            <source>Duplicate code</source>
            <translation>编码重复</translation>
        </message>
        <message>
            <source>Missing code</source>
            <translation>缺少编码</translation>
        </message>
        <message>
            <source>Invalid code</source>
            <translation>编码无效</translation>
        </message>
        <message>
            <source>Range not met</source>
            <translation>未达到户数范围</translation>
        </message>
        <message>
            <source>No roster yet</source>
            <translation>尚无花名册</translation>
        </message>
        <message>
            <source>No grid leader</source>
            <translation>无网格长</translation>
        </message>
        <message>
            <source>No full-time worker</source>
            <translation>无专职网格员</translation>
        </message>
        <message>
            <source>No Party branch</source>
            <translation>无党支部</translation>
        </message>
        <message>
            <source>Branch too small</source>
            <translation>支部党员不足</translation>
        </message>
        <message>
            <source>Joint branch not adjacent</source>
            <translation>联合党支部的网格不相邻</translation>
        </message>
        <message>
            <source>Dedicated grid without unit</source>
            <translation>专属网格无责任单位</translation>
        </message>
        <message>
            <source>Duplicate person</source>
            <translation>人员重复</translation>
        </message>
        <message>
            <source>Duplicate phone</source>
            <translation>电话重复</translation>
        </message>
        <message>
            <source>Worker in several communities</source>
            <translation>网格员跨多个社区</translation>
        </message>
        <message>
            <source>Worker overloaded</source>
            <translation>网格员负担过重</translation>
        </message>
        <message>
            <source>Disconnected network part</source>
            <translation>路网不连通部分</translation>
        </message>
        <message>
            <source>Dead end</source>
            <translation>断头路</translation>
        </message>
        <message>
            <source>Zero-length street</source>
            <translation>零长度路段</translation>
        </message>
        <message>
            <source>Micro-grid in no grid</source>
            <translation>微网格不属于网格</translation>
        </message>
        <message>
            <source>Micro-grid outside its grid</source>
            <translation>微网格超出所属网格</translation>
        </message>
        <message>
            <source>Micro-grid overlap</source>
            <translation>微网格重叠</translation>
        </message>
        <message>
            <source>Micro-grid gap</source>
            <translation>微网格空隙</translation>
        </message>
        <message>
            <source>Duplicate micro-grid number</source>
            <translation>微网格编号重复</translation>
        </message>
        <message>
            <source>Building cut by a micro-grid</source>
            <translation>楼栋被微网格切分</translation>
        </message>
        <message>
            <source>Micro-grid households below range</source>
            <translation>微网格户数偏少</translation>
        </message>
        <message>
            <source>Micro-grid households above range</source>
            <translation>微网格户数偏多</translation>
        </message>
        <message>
            <source>Missing parent in the tree</source>
            <translation>上级组织缺失</translation>
        </message>
        <message>
            <source>Party group without branch</source>
            <translation>党小组未隶属支部</translation>
        </message>
        <message>
            <source>Micro-grid without household or steward</source>
            <translation>微网格无党员中心户或楼栋长</translation>
        </message>
        <message>
            <source>Households cared for out of range</source>
            <translation>联系户数超出范围</translation>
        </message>
        <message>
            <source>Compound without branch</source>
            <translation>小区未建党支部</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>检查结果</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>错误</translation>
        </message>
        <message>
            <source>Warnings</source>
            <translation>警告</translation>
        </message>
        <message>
            <source>Filter findings…</source>
            <translation>筛选检查结果…</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Cells</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>error</source>
            <translation>错误</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <source>%1 error(s), %2 warning(s); %3 shown</source>
            <translation>%1 个错误，%2 个警告；显示 %3 条</translation>
        </message>
    </context>
    <context>
        <name>GenerateDialog</name>
        <message>
            <source>Generate Grid Cells</source>
            <translation>生成网格</translation>
        </message>
        <message>
            <source>Balanced on households</source>
            <translation>按户数均衡</translation>
        </message>
        <message>
            <source>Squares</source>
            <translation>正方形</translation>
        </message>
        <message>
            <source>Hexagons</source>
            <translation>六边形</translation>
        </message>
        <message>
            <source>All communities</source>
            <translation>全部社区</translation>
        </message>
        <message>
            <source>Method:</source>
            <translation>方法：</translation>
        </message>
        <message>
            <source>Cell size:</source>
            <translation>网格大小：</translation>
        </message>
        <message>
            <source>Minimum households:</source>
            <translation>最少户数：</translation>
        </message>
        <message>
            <source>Maximum households:</source>
            <translation>最多户数：</translation>
        </message>
        <message>
            <source>Community:</source>
            <translation>社区：</translation>
        </message>
        <message>
            <source>Random seed:</source>
            <translation>随机种子：</translation>
        </message>
        <message>
            <source>Existing comprehensive cells of the chosen communities are replaced; dedicated cells are kept.</source>
            <translation>所选社区现有的综合网格将被替换；专属网格保留不变。</translation>
        </message>
        <message>
            <source>Generate</source>
            <translation>生成</translation>
        </message>
        <message>
            <source>The minimum must not be above the maximum.</source>
            <translation>最少户数不能大于最多户数。</translation>
        </message>
        <message>
            <source>Generating…</source>
            <translation>正在生成…</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
    </context>
    <context>
        <name>GridCommands</name>
        <message>
            <source>Add cell</source>
            <extracomment>extra column of the buildings layer: fid of the cell a building was painted into</extracomment>
            <translation>添加网格</translation>
        </message>
        <message>
            <source>Delete %n cell(s)</source>
            <translation>删除 %n 个网格</translation>
        </message>
        <message>
            <source>Change cell outlines</source>
            <translation>修改网格边界</translation>
        </message>
        <message>
            <source>Edit cell attributes</source>
            <translation>编辑网格属性</translation>
        </message>
        <message>
            <source>Change %1</source>
            <translation>修改 %1</translation>
        </message>
        <message>
            <source>Change settings</source>
            <translation>修改设置</translation>
        </message>
        <message>
            <source>Generate grid cells</source>
            <translation>生成网格</translation>
        </message>
        <message>
            <source>Paint %n building(s)</source>
            <translation>划入 %n 栋楼</translation>
        </message>
        <message>
            <source>Split cell</source>
            <translation>拆分网格</translation>
        </message>
        <message>
            <source>Merge %n cells</source>
            <translation>合并 %n 个网格</translation>
        </message>
    </context>
    <context>
        <name>GridFeature</name>
        <message>
            <source>The outline has no area.</source>
            <translation>所画边界没有面积。</translation>
        </message>
        <message>
            <source>The free space is in %1 pieces; the largest became the cell.</source>
            <translation>空余区域分成 %1 块，已取最大的一块作为网格。</translation>
        </message>
        <message>
            <source>Draw cell</source>
            <translation>绘制网格</translation>
        </message>
        <message>
            <source>Move vertex</source>
            <translation>移动节点</translation>
        </message>
        <message>
            <source>Add vertex</source>
            <translation>添加节点</translation>
        </message>
        <message>
            <source>Delete vertex</source>
            <translation>删除节点</translation>
        </message>
        <message>
            <source>The line crosses no cell.</source>
            <translation>该线没有穿过任何网格。</translation>
        </message>
        <message>
            <source>Cells of different communities cannot be merged.</source>
            <translation>不同社区的网格不能合并。</translation>
        </message>
        <message>
            <source>Select one cell to edit its attributes.</source>
            <translation>请选择一个网格以编辑其属性。</translation>
        </message>
        <message>
            <source>Choose or add a cell to paint into first.</source>
            <translation>请先选择或新建要划入的网格。</translation>
        </message>
        <message>
            <source>Paint %n building(s)</source>
            <translation>划入 %n 栋楼</translation>
        </message>
        <message>
            <source>Rebuild outlines from buildings</source>
            <translation>按楼栋重建网格边界</translation>
        </message>
        <message>
            <source>New cell</source>
            <translation>新建网格</translation>
        </message>
        <message>
            <source>Grid Validation</source>
            <translation>网格检查</translation>
        </message>
        <message>
            <source>No problems found.</source>
            <translation>未发现问题。</translation>
        </message>
        <message>
            <source>%1 cells; %2% within the household range</source>
            <translation>%1 个网格；%2% 在户数范围内</translation>
        </message>
        <message>
            <source>Grid Generation</source>
            <translation>网格生成</translation>
        </message>
        <message>
            <source>Assign codes</source>
            <translation>分配编码</translation>
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
            <source>Existing grid cells (网格)</source>
            <translation>现有网格</translation>
        </message>
        <message>
            <source>Building data table (楼栋台账, .xlsx/.csv)</source>
            <translation>楼栋台账（.xlsx/.csv）</translation>
        </message>
        <message>
            <source>Sub-district / township</source>
            <translation>街道 / 乡镇</translation>
        </message>
        <message>
            <source>Community / village</source>
            <translation>社区 / 村</translation>
        </message>
        <message>
            <source>Residential compound</source>
            <translation>小区</translation>
        </message>
        <message>
            <source>GIS and table files (*.gpkg *.shp *.zip *.geojson *.json *.kml *.kmz *.osm.pbf *.pbf *.osm *.csv *.xlsx);;All files (*)</source>
            <extracomment>which option rows mean something for each kind (the others are disabled)</extracomment>
            <translation>GIS 与表格文件 (*.gpkg *.shp *.zip *.geojson *.json *.kml *.kmz *.osm.pbf *.pbf *.osm *.csv *.xlsx);;所有文件 (*)</translation>
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
            <source>Code field</source>
            <translation>编码字段</translation>
        </message>
        <message>
            <source>Community field</source>
            <translation>所属社区字段</translation>
        </message>
        <message>
            <source>Grid type field</source>
            <translation>网格类型字段</translation>
        </message>
        <message>
            <source>Snap tolerance</source>
            <translation>吸附容差</translation>
        </message>
        <message>
            <source>Key column</source>
            <translation>关联列</translation>
        </message>
        <message>
            <source>Match buildings by</source>
            <translation>匹配楼栋属性</translation>
        </message>
        <message>
            <source>Population groups</source>
            <translation>人群分类</translation>
        </message>
        <message>
            <source>Fix overlaps and narrow gaps between boundaries</source>
            <translation>修正边界之间的重叠和狭窄缝隙</translation>
        </message>
        <message>
            <source> m</source>
            <translation> 米</translation>
        </message>
        <message>
            <source>Slivers and gaps between neighbours up to this width are closed; wider ones are reported</source>
            <translation>相邻网格之间不超过此宽度的碎片和缝隙将被消除；更宽的会列出报告</translation>
        </message>
        <message>
            <source>(the attribute matching most keys)</source>
            <translation>（自动选择匹配最多的属性）</translation>
        </message>
        <message>
            <source>The table column with each building's name, number or address</source>
            <translation>表中记录楼栋名称、编号或地址的列</translation>
        </message>
        <message>
            <source>Split streets at every crossing (not only where lines share a vertex)</source>
            <translation>在所有交叉处打断道路（不仅在共用节点处）</translation>
        </message>
        <message>
            <source>Choose a file to import</source>
            <translation>选择要导入的文件</translation>
        </message>
        <message>
            <source>Import report</source>
            <translation>导入报告</translation>
        </message>
        <message>
            <source>Open the details for every feature that was repaired, skipped or estimated.</source>
            <translation>展开详细信息，可查看每个被修复、跳过或估算的要素。</translation>
        </message>
        <message>
            <source>%1 repaired</source>
            <translation>修复 %1 处</translation>
        </message>
        <message>
            <source>%1 skipped</source>
            <translation>跳过 %1 个</translation>
        </message>
        <message>
            <source>%1 notes</source>
            <translation>说明 %1 条</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <source>repaired: %1</source>
            <translation>已修复：%1</translation>
        </message>
        <message>
            <source>skipped: %1</source>
            <translation>已跳过：%1</translation>
        </message>
        <message>
            <source>note: %1</source>
            <translation>提示：%1</translation>
        </message>
        <message>
            <source>, </source>
            <translation>，</translation>
        </message>
        <message>
            <source>Imported %1 × %2 from %3</source>
            <translation>已从 %3 导入 %1 个%2</translation>
        </message>
    </context>
    <context>
        <name>ImportMessages</name>
        <message>
            <source>Source CRS</source>
            <extracomment>Command-line option → the Import Data dialog field that sets it.</extracomment>
            <translation>源坐标系</translation>
        </message>
        <message>
            <source>Coordinates</source>
            <translation>坐标类型</translation>
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
            <source>Code field</source>
            <translation>编码字段</translation>
        </message>
        <message>
            <source>Community field</source>
            <translation>所属社区字段</translation>
        </message>
        <message>
            <source>Grid type field</source>
            <translation>网格类型字段</translation>
        </message>
        <message>
            <source>Boundary level</source>
            <translation>边界层级</translation>
        </message>
        <message>
            <source>Snap tolerance</source>
            <translation>吸附容差</translation>
        </message>
        <message>
            <source>Key column</source>
            <translation>关联列</translation>
        </message>
        <message>
            <source>Match buildings by</source>
            <translation>匹配楼栋属性</translation>
        </message>
        <message>
            <source>Population groups</source>
            <translation>人群分类</translation>
        </message>
        <message>
            <source>Grid column</source>
            <translation>所属网格列</translation>
        </message>
        <message>
            <source>Replace the layer's features</source>
            <translation>替换图层中已有的要素</translation>
        </message>
        <message>
            <source>Fix overlaps</source>
            <translation>修正重叠</translation>
        </message>
        <message>
            <source>%1: the file is damaged or not a GeoPackage</source>
            <extracomment>(pattern over the English message, template with %1… for its groups). A group named ``f&lt;n&gt;`` is an option or field word, shown as the dialog field.</extracomment>
            <translation>%1：文件已损坏，或不是 GeoPackage 文件</translation>
        </message>
        <message>
            <source>%1: latitude and longitude look swapped (a point reads %2, %3): the file gives latitude first. Swap the columns, or choose its coordinate system in the Source CRS box</source>
            <translation>%1：经纬度似乎颠倒了（某点为 %2, %3），文件把纬度写在了前面。请交换两列，或在“源坐标系”框中选择正确的坐标系</translation>
        </message>
        <message>
            <source>%1: the longitude and latitude columns hold values outside ±180/±90: latitude and longitude look swapped, or the values are not degrees</source>
            <translation>%1：经度、纬度列的数值超出 ±180/±90：经纬度似乎颠倒了，或者数值不是以度为单位</translation>
        </message>
        <message>
            <source>%1: cannot be read as a GIS file; check that it is a complete Shapefile, GeoJSON, GeoPackage or KML (reader said: %2)</source>
            <translation>%1：无法作为 GIS 文件读取，请检查它是否为完整的 Shapefile、GeoJSON、GeoPackage 或 KML 文件（读取程序提示：%2）</translation>
        </message>
        <message>
            <source>%1: no .cpg file; the text was read as %2 (choose another in the Encoding box if names look wrong)</source>
            <translation>%1：没有 .cpg 文件，文字按 %2 编码读取（如名称显示乱码，请在“编码”框中另选）</translation>
        </message>
        <message>
            <source>residents estimated for %1 buildings as households × %2 (average household size)</source>
            <translation>%1 栋楼的人口按“户数 × %2（平均每户人数）”估算</translation>
        </message>
        <message>
            <source>%1 slivers and gaps up to %2 m closed (%3), %4 m² in all</source>
            <translation>已闭合 %1 处不超过 %2 米的碎片和缝隙（%3），共 %4 平方米</translation>
        </message>
        <message>
            <source>%1 and %2 overlap by %3 m²: given to %4 (%5)</source>
            <translation>%1 与 %2 重叠 %3 平方米，已划归 %4（%5）</translation>
        </message>
        <message>
            <source>%1: no such file</source>
            <translation>%1：文件不存在</translation>
        </message>
        <message>
            <source>%1 read from field “%2” (guessed; choose another in the %3 box)</source>
            <translation>%1取自字段“%2”（自动识别；可在%3框中另选）</translation>
        </message>
        <message>
            <source>%1: has no field “%2” for the %3 box; its fields are: %4</source>
            <translation>%1：没有%3框所选的字段“%2”；现有字段：%4</translation>
        </message>
        <message>
            <source>The snap tolerance must be between 0 and 50 m, not %1</source>
            <translation>吸附容差须在 0 到 50 米之间，不能是 %1</translation>
        </message>
        <message>
            <source>%1: choose the column holding the building key (name, number or address) in the Key column box</source>
            <translation>%1：请在“关联列”框中选择记录楼栋名称、编号或地址的列</translation>
        </message>
        <message>
            <source>%1: has no column “%2” (the Key column); its first row reads: %3</source>
            <translation>%1：没有“关联列”所选的列“%2”；第一行为：%3</translation>
        </message>
        <message>
            <source>%1: no key matches any attribute of the buildings (%2); choose the attribute in the Match buildings by box</source>
            <translation>%1：没有任何关联值与楼栋属性（%2）匹配；请在“匹配楼栋属性”框中选择属性</translation>
        </message>
        <message>
            <source>%1: the plan has no buildings yet to join the table to; import the buildings first</source>
            <translation>%1：方案中还没有楼栋，无法关联台账；请先导入楼栋</translation>
        </message>
        <message>
            <source>“%1”</source>
            <translation>“%1”</translation>
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
            <source>Grid workers</source>
            <translation>网格员</translation>
        </message>
        <message>
            <source>Party branches</source>
            <translation>党支部</translation>
        </message>
        <message>
            <source>Assignments</source>
            <translation>人员分配</translation>
        </message>
        <message>
            <source>Micro-grids</source>
            <translation>微网格</translation>
        </message>
        <message>
            <source>Party groups</source>
            <translation>党小组</translation>
        </message>
        <message>
            <source>Party-member households</source>
            <translation>党员中心户</translation>
        </message>
        <message>
            <source>Reporting Party members</source>
            <translation>双报到党员</translation>
        </message>
        <message>
            <source>Volunteers</source>
            <translation>志愿者</translation>
        </message>
        <message>
            <source>Community staff</source>
            <translation>社区工作人员</translation>
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
            <source>Change the layer order</source>
            <translation>更改图层顺序</translation>
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
            <source>Show or hide %1</source>
            <translation>显示或隐藏%1</translation>
        </message>
        <message>
            <source>Change the style of %1</source>
            <translation>修改%1的样式</translation>
        </message>
        <message>
            <source>Choose a colour</source>
            <translation>选择颜色</translation>
        </message>
    </context>
    <context>
        <name>LevelRow</name>
        <message>
            <source>min</source>
            <translation>分钟</translation>
        </message>
        <message>
            <source>Remove this level</source>
            <translation>删除此级别</translation>
        </message>
    </context>
    <context>
        <name>LevelsEditor</name>
        <message>
            <source>Add a level</source>
            <translation>添加级别</translation>
        </message>
    </context>
    <context>
        <name>LimitsEditor</name>
        <message>
            <source>File size read into memory</source>
            <extracomment>Field → (title, hint, largest value, step); texts are translated in the LimitsEditor context.</extracomment>
            <translation>读入内存的文件大小</translation>
        </message>
        <message>
            <source>Megabytes of one file (a shapefile's parts together, a zip, KMZ or workbook unpacked). A district's buildings are a few tens of megabytes.</source>
            <translation>单个文件的兆字节数（Shapefile 各组成文件合计；zip、KMZ 或 Excel 工作簿按解压后计算）。一个区的楼栋数据通常只有几十兆字节。</translation>
        </message>
        <message>
            <source>Features in one file</source>
            <translation>单个文件的要素数</translation>
        </message>
        <message>
            <source>Buildings, boundaries, streets or centres in one file or layer.</source>
            <translation>一个文件或图层中的楼栋、边界、道路或服务中心数量。</translation>
        </message>
        <message>
            <source>Rows of a sheet</source>
            <translation>表格行数</translation>
        </message>
        <message>
            <source>Rows of one Excel or CSV sheet (rosters, registers, building tables).</source>
            <translation>单个 Excel 或 CSV 表格的行数（花名册、台账、楼栋表）。</translation>
        </message>
        <message>
            <source>Columns of a sheet</source>
            <translation>表格列数</translation>
        </message>
        <message>
            <source>Columns of one Excel or CSV sheet.</source>
            <translation>单个 Excel 或 CSV 表格的列数。</translation>
        </message>
        <message>
            <source>Vertices of one geometry</source>
            <translation>单个图形的顶点数</translation>
        </message>
        <message>
            <source>Points of one boundary, building or street; a detailed community boundary has a few thousand.</source>
            <translation>一条边界、一栋楼或一条道路的节点数；精细的社区边界通常有几千个。</translation>
        </message>
        <message>
            <source>Holes of one polygon</source>
            <translation>单个面的内洞数</translation>
        </message>
        <message>
            <source>Courtyards and other holes of one area; repairing a polygon with very many holes can take hours and gigabytes.</source>
            <translation>一个面中的天井等内洞数量；修复内洞极多的面可能耗时数小时、占用数 GB 内存。</translation>
        </message>
        <message>
            <source>Input limits</source>
            <translation>导入限制</translation>
        </message>
        <message>
            <source>An import refuses a file over a limit before reading it, naming the file and the limit, so a damaged or hostile file cannot take the computer's memory. Raise a limit only for a file you trust.</source>
            <translation>导入前先检查文件是否超出限制；超出时拒绝导入，并指明文件和所超的限制，以免损坏或恶意的文件耗尽计算机内存。只有对可信的文件才应调高限制。</translation>
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
            <source>Open from &amp;Database…</source>
            <translation>从数据库打开(&amp;D)…</translation>
        </message>
        <message>
            <source>Open a plan kept in a city's PostgreSQL/PostGIS database</source>
            <translation>打开保存在市级 PostgreSQL/PostGIS 数据库中的方案</translation>
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
            <source>Plan &amp;Settings…</source>
            <translation>方案设置(&amp;S)…</translation>
        </message>
        <message>
            <source>Grid size, walking distances, targets, grid codes and services of this plan</source>
            <translation>本方案的网格规模、步行距离、目标、网格编码和服务项目</translation>
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
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <source>Something went wrong: %1

Your plan is still open; save it under a new name to keep your work.</source>
            <translation>程序出现问题：%1

您的方案仍然打开；请另存为新文件以保留您的工作。</translation>
        </message>
        <message>
            <source>Cannot open the plan</source>
            <translation>无法打开方案</translation>
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
        <message>
            <source>&amp;Draw Cell</source>
            <translation>绘制网格(&amp;D)</translation>
        </message>
        <message>
            <source>Draw a cell vertex by vertex; double click or Enter finishes</source>
            <translation>逐点绘制网格；双击或按回车结束</translation>
        </message>
        <message>
            <source>Edit &amp;Vertices</source>
            <translation>编辑节点(&amp;V)</translation>
        </message>
        <message>
            <source>Drag shared vertices, double click an edge to add one, Delete removes the selected one</source>
            <translation>拖动共用节点，双击边添加节点，按 Delete 删除选中的节点</translation>
        </message>
        <message>
            <source>S&amp;plit Cell</source>
            <translation>拆分网格(&amp;P)</translation>
        </message>
        <message>
            <source>Draw a line across a cell to split it</source>
            <translation>画一条穿过网格的线将其拆分</translation>
        </message>
        <message>
            <source>&amp;Paint Buildings</source>
            <translation>划入楼栋(&amp;P)</translation>
        </message>
        <message>
            <source>Click, brush or Shift+drag a lasso over buildings to put them in the chosen cell</source>
            <translation>单击、刷选或按住 Shift 拖动套索，把楼栋划入所选网格</translation>
        </message>
        <message>
            <source>&amp;Avoid Overlap</source>
            <translation>避免重叠(&amp;A)</translation>
        </message>
        <message>
            <source>Clip new cells by existing cells and their community</source>
            <translation>用现有网格和所属社区裁剪新网格</translation>
        </message>
        <message>
            <source>&amp;Snapping</source>
            <translation>捕捉(&amp;S)</translation>
        </message>
        <message>
            <source>Snap to vertices and edges within 10 pixels</source>
            <translation>捕捉 10 像素内的节点和边</translation>
        </message>
        <message>
            <source>&amp;Merge Selected Cells</source>
            <translation>合并所选网格(&amp;M)</translation>
        </message>
        <message>
            <source>De&amp;lete Selected Cells</source>
            <translation>删除所选网格(&amp;L)</translation>
        </message>
        <message>
            <source>Cell &amp;Attributes…</source>
            <translation>网格属性(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Rebuild Outlines from Buildings</source>
            <translation>按楼栋重建边界(&amp;R)</translation>
        </message>
        <message>
            <source>Derive each cell's outline from its buildings, clipped to its community (the communities of the selected or painted cells)</source>
            <translation>由各网格的楼栋推出网格边界，并按所属社区裁剪（所选或已划入楼栋的网格所在社区）</translation>
        </message>
        <message>
            <source>Rebuild Outlines &amp;While Painting</source>
            <translation>划入楼栋时重建边界(&amp;W)</translation>
        </message>
        <message>
            <source>Colour Cells by &amp;Household Status</source>
            <translation>按户数状态着色(&amp;H)</translation>
        </message>
        <message>
            <source>Show Cell &amp;Codes</source>
            <translation>显示网格编码(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Generate Grids…</source>
            <translation>生成网格(&amp;G)…</translation>
        </message>
        <message>
            <source>Assign &amp;Codes…</source>
            <translation>分配编码(&amp;C)…</translation>
        </message>
        <message>
            <source>Va&amp;lidate Grids</source>
            <translation>检查网格(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Grids</source>
            <translation>网格(&amp;G)</translation>
        </message>
        <message>
            <source>Grids</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>导出(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Roster</source>
            <translation>人员(&amp;R)</translation>
        </message>
        <message>
            <source>Coverage</source>
            <extracomment>a coverage table is shown (after a computation finished) isochrones / gaps / network problems are on the map</extracomment>
            <translation>覆盖</translation>
        </message>
        <message>
            <source>%1: no such file</source>
            <translation>%1：文件不存在</translation>
        </message>
        <message>
            <source>&amp;Basemap</source>
            <translation>底图(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Organisation</source>
            <translation>党组织(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Compute Coverage</source>
            <translation>计算覆盖(&amp;C)</translation>
        </message>
        <message>
            <source>Walking distance from every building to its nearest centre</source>
            <translation>计算每栋楼到最近服务中心的步行距离</translation>
        </message>
        <message>
            <source>&amp;Place Centre</source>
            <translation>放置服务中心(&amp;P)</translation>
        </message>
        <message>
            <source>Click on the map to place a new service centre</source>
            <translation>在地图上点击以放置新的服务中心</translation>
        </message>
        <message>
            <source>&amp;Move Centre</source>
            <translation>移动服务中心(&amp;M)</translation>
        </message>
        <message>
            <source>Drag a centre; coverage follows while it moves</source>
            <translation>拖动服务中心，覆盖结果随之实时更新</translation>
        </message>
        <message>
            <source>De&amp;lete Centre</source>
            <translation>删除服务中心(&amp;L)</translation>
        </message>
        <message>
            <source>Centre &amp;Attributes…</source>
            <translation>服务中心属性(&amp;A)…</translation>
        </message>
        <message>
            <source>Shade Buildings by &amp;Distance</source>
            <translation>按步行距离为楼栋着色(&amp;D)</translation>
        </message>
        <message>
            <source>Show &amp;Gap Areas</source>
            <translation>显示覆盖盲区(&amp;G)</translation>
        </message>
        <message>
            <source>Show &amp;Isochrones</source>
            <translation>显示等时圈(&amp;I)</translation>
        </message>
        <message>
            <source>Isochrones &amp;Overlapping</source>
            <translation>等时圈：重叠显示(&amp;O)</translation>
        </message>
        <message>
            <source>Isochrones &amp;Dissolved</source>
            <translation>等时圈：融合显示(&amp;D)</translation>
        </message>
        <message>
            <source>Isochrones &amp;Split by Nearest Centre</source>
            <translation>等时圈：按最近服务中心划分(&amp;S)</translation>
        </message>
        <message>
            <source>Check &amp;Walking Network</source>
            <translation>检查步行路网(&amp;W)</translation>
        </message>
        <message>
            <source>Show &amp;Network Problems</source>
            <translation>显示路网问题(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Suggest Centre Sites…</source>
            <translation>服务中心选址建议(&amp;S)…</translation>
        </message>
        <message>
            <source>One S&amp;tation per Grid…</source>
            <translation>一网格一阵地(&amp;T)…</translation>
        </message>
        <message>
            <source>Coverage &amp;Report…</source>
            <translation>覆盖评估报告(&amp;R)…</translation>
        </message>
        <message>
            <source>Click a centre to delete it</source>
            <translation>点击服务中心将其删除</translation>
        </message>
        <message>
            <source>Disconnected pieces, dead ends and zero-length streets</source>
            <translation>不连通的片段、断头路和零长度路段</translation>
        </message>
        <message>
            <source>Grids without a Party-mass service station inside or within a walk</source>
            <translation>网格内及步行范围内没有党群服务站的网格</translation>
        </message>
        <message>
            <source>The coverage report for superiors: PDF with charts and maps, and an Excel summary</source>
            <translation>报送上级的覆盖评估报告：含图表和地图的PDF，以及Excel汇总表</translation>
        </message>
        <message>
            <source>&amp;Coverage</source>
            <translation>覆盖(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <source>Map</source>
            <translation>地图</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
    </context>
    <context>
        <name>MapFeature</name>
        <message>
            <source>OpenStreetMap</source>
            <translation>OpenStreetMap 开放街道地图</translation>
        </message>
        <message>
            <source>Tianditu Imagery</source>
            <translation>天地图 影像</translation>
        </message>
        <message>
            <source>Tianditu Streets</source>
            <translation>天地图 矢量</translation>
        </message>
        <message>
            <source>Tianditu Imagery Labels</source>
            <translation>天地图 影像注记</translation>
        </message>
        <message>
            <source>Tianditu Street Labels</source>
            <translation>天地图 矢量注记</translation>
        </message>
        <message>
            <source>Amap Imagery (GCJ-02, aligned)</source>
            <translation>高德 影像（GCJ-02，已纠偏）</translation>
        </message>
        <message>
            <source>Amap Streets (GCJ-02, aligned)</source>
            <translation>高德 矢量（GCJ-02，已纠偏）</translation>
        </message>
        <message>
            <source>Add Tile Service by &amp;URL…</source>
            <extracomment>(name, text, slot, shortcut, menu: "basemap" | "view" | "edit")</extracomment>
            <translation>按网址添加瓦片服务(&amp;U)…</translation>
        </message>
        <message>
            <source>Add &amp;MBTiles or Image File…</source>
            <translation>添加 MBTiles 或影像文件(&amp;M)…</translation>
        </message>
        <message>
            <source>Tianditu &amp;Key…</source>
            <translation>天地图密钥(&amp;K)…</translation>
        </message>
        <message>
            <source>Tile &amp;Cache Size…</source>
            <translation>瓦片缓存大小(&amp;C)…</translation>
        </message>
        <message>
            <source>Measure &amp;Distance</source>
            <translation>量测距离(&amp;D)</translation>
        </message>
        <message>
            <source>Measure &amp;Area</source>
            <translation>量测面积(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Go to Coordinates…</source>
            <translation>定位到坐标(&amp;G)…</translation>
        </message>
        <message>
            <source>&amp;Find by Name or Code</source>
            <translation>按名称或编码查找(&amp;F)</translation>
        </message>
        <message>
            <source>Snapping &amp;Options…</source>
            <translation>捕捉选项(&amp;O)…</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>查找</translation>
        </message>
        <message>
            <source>Find name or code…</source>
            <translation>查找名称或编码…</translation>
        </message>
        <message>
            <source>Tianditu Key</source>
            <translation>天地图密钥</translation>
        </message>
        <message>
            <source>Your Tianditu key (tk), from the Tianditu developer console:</source>
            <translation>您的天地图密钥（tk），可在天地图开发者控制台申请：</translation>
        </message>
        <message>
            <source>Tile Cache Size</source>
            <translation>瓦片缓存大小</translation>
        </message>
        <message>
            <source>Largest size of the tile cache on disk (MB):</source>
            <translation>磁盘瓦片缓存的最大容量（MB）：</translation>
        </message>
        <message>
            <source>Add Basemap File</source>
            <translation>添加底图文件</translation>
        </message>
        <message>
            <source>Basemap files (*.mbtiles *.tif *.tiff *.img *.jp2 *.vrt)</source>
            <translation>底图文件 (*.mbtiles *.tif *.tiff *.img *.jp2 *.vrt)</translation>
        </message>
        <message>
            <source>Add basemap %1</source>
            <translation>添加底图 %1</translation>
        </message>
        <message>
            <source>Basemap %1 added</source>
            <translation>已添加底图 %1</translation>
        </message>
        <message>
            <source>Cannot add the basemap</source>
            <translation>无法添加底图</translation>
        </message>
        <message>
            <source>Nothing is called or coded “%1”</source>
            <translation>没有名称或编码为“%1”的要素</translation>
        </message>
    </context>
    <context>
        <name>MeasureTool</name>
        <message>
            <source>Area %1</source>
            <extracomment>total so far (m or m²), the segment being drawn (m), a text for the status bar the final total when the measurement ends</extracomment>
            <translation>面积 %1</translation>
        </message>
        <message>
            <source>Total %1</source>
            <translation>总长 %1</translation>
        </message>
        <message>
            <source>Segment %1</source>
            <translation>本段 %1</translation>
        </message>
    </context>
    <context>
        <name>Organisation</name>
        <message>
            <source>Generate &amp;Micro-grids…</source>
            <translation>生成微网格(&amp;M)…</translation>
        </message>
        <message>
            <source>Move Selected &amp;Buildings to Micro-grid…</source>
            <translation>将所选楼栋划入微网格(&amp;B)…</translation>
        </message>
        <message>
            <source>&amp;Propose Organisation…</source>
            <translation>建议党组织设置(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Import Register…</source>
            <translation>导入名册(&amp;I)…</translation>
        </message>
        <message>
            <source>&amp;Auto-assign Registers…</source>
            <translation>自动分配名册人员(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Check Organisation Rules</source>
            <translation>检查党组织规则(&amp;C)</translation>
        </message>
        <message>
            <source>Nothing here to assign to: drop people on a grid or micro-grid, staff on a centre</source>
            <extracomment>how near (screen pixels) a drop must be to a centre to put staff on duty there</extracomment>
            <translation>此处无可分配对象：请将人员拖到网格或微网格上，工作人员拖到服务中心上</translation>
        </message>
        <message>
            <source>Assign %1 by drag and drop</source>
            <translation>拖放分配 %1 项</translation>
        </message>
        <message>
            <source>Choose people in the dock and select a grid, micro-grid or centre on the map</source>
            <translation>请在停靠窗中选择人员，并在地图上选择网格、微网格或服务中心</translation>
        </message>
        <message>
            <source>Assign %1 to the map selection</source>
            <translation>将 %1 项分配到地图所选</translation>
        </message>
        <message>
            <source>Unassign %1</source>
            <translation>取消分配 %1 项</translation>
        </message>
        <message>
            <source>Generate micro-grids</source>
            <translation>生成微网格</translation>
        </message>
        <message>
            <source>%1 micro-grids</source>
            <translation>%1 个微网格</translation>
        </message>
        <message>
            <source>Select buildings on the map first</source>
            <translation>请先在地图上选择楼栋</translation>
        </message>
        <message>
            <source>A new micro-grid</source>
            <translation>新建微网格</translation>
        </message>
        <message>
            <source>Move Buildings to Micro-grid</source>
            <translation>楼栋划入微网格</translation>
        </message>
        <message>
            <source>Micro-grid for %1 building(s):</source>
            <translation>%1 栋楼划入的微网格：</translation>
        </message>
        <message>
            <source>Move %1 building(s) to a micro-grid</source>
            <translation>将 %1 栋楼划入微网格</translation>
        </message>
        <message>
            <source>Propose Organisation</source>
            <translation>建议党组织设置</translation>
        </message>
        <message>
            <source>Add %1 to the organisation</source>
            <translation>向党组织添加 %1 项</translation>
        </message>
        <message>
            <source>Auto-assign Registers</source>
            <translation>自动分配名册人员</translation>
        </message>
        <message>
            <source>Assign %1 people</source>
            <translation>分配 %1 人</translation>
        </message>
        <message>
            <source>Organisation Rules</source>
            <translation>党组织规则</translation>
        </message>
        <message>
            <source>Organisation rules: %1 findings</source>
            <translation>党组织规则：%1 项问题</translation>
        </message>
    </context>
    <context>
        <name>OrganisationDialogs</name>
        <message>
            <source>Community Party committee</source>
            <translation>社区大党委</translation>
        </message>
        <message>
            <source>Compound branch</source>
            <translation>小区党支部</translation>
        </message>
        <message>
            <source>Building Party group</source>
            <translation>楼栋党小组</translation>
        </message>
        <message>
            <source>Reporting Party member</source>
            <translation>双报到党员</translation>
        </message>
        <message>
            <source>Volunteer</source>
            <translation>志愿者</translation>
        </message>
        <message>
            <source>Generate Micro-grids</source>
            <translation>生成微网格</translation>
        </message>
        <message>
            <source> households</source>
            <translation> 户</translation>
        </message>
        <message>
            <source>Every grid</source>
            <translation>全部网格</translation>
        </message>
        <message>
            <source>Selected grids (%1)</source>
            <translation>所选网格（%1）</translation>
        </message>
        <message>
            <source>Fewest households</source>
            <translation>最少户数</translation>
        </message>
        <message>
            <source>Most households</source>
            <translation>最多户数</translation>
        </message>
        <message>
            <source>Grids</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>30–80 households per micro-grid is a common local convention, not a rule. The grids' existing micro-grids are replaced; edges follow streets and compound walls and never cut a building.</source>
            <translation>每个微网格 30–80 户是各地常见做法，并非硬性规定。所选网格原有的微网格将被替换；边界沿道路和小区围墙划分，不会切分楼栋。</translation>
        </message>
        <message>
            <source>The fewest households must not exceed the most.</source>
            <translation>最少户数不能大于最多户数。</translation>
        </message>
        <message>
            <source>Proposal</source>
            <translation>建议</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>人员/组织</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>位置</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>Nothing to propose.</source>
            <translation>没有需要建议的内容。</translation>
        </message>
    </context>
    <context>
        <name>OrganisationDock</name>
        <message>
            <source>Community</source>
            <extracomment>layers whose changes rebuild the trees</extracomment>
            <translation>社区</translation>
        </message>
        <message>
            <source>Community Party committee</source>
            <translation>社区大党委</translation>
        </message>
        <message>
            <source>Grid branch</source>
            <translation>网格党支部</translation>
        </message>
        <message>
            <source>Joint branch</source>
            <translation>联合党支部</translation>
        </message>
        <message>
            <source>Compound branch</source>
            <translation>小区党支部</translation>
        </message>
        <message>
            <source>Building Party group</source>
            <translation>楼栋党小组</translation>
        </message>
        <message>
            <source>Party-member household</source>
            <translation>党员中心户</translation>
        </message>
        <message>
            <source>Not placed in the tree</source>
            <translation>未归入组织树</translation>
        </message>
        <message>
            <source>Reporting Party members</source>
            <translation>双报到党员</translation>
        </message>
        <message>
            <source>Volunteers</source>
            <translation>志愿者</translation>
        </message>
        <message>
            <source>Community staff</source>
            <translation>社区工作人员</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>人员</translation>
        </message>
        <message>
            <source>Party Organisation</source>
            <extracomment>(layer, fids) activated (double-clicked) in a tree the chosen rows are to go to what is selected on the map (True) or nowhere (False)</extracomment>
            <translation>党组织</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>组织架构</translation>
        </message>
        <message>
            <source>Registers</source>
            <translation>名册</translation>
        </message>
        <message>
            <source>Assign to Map Selection</source>
            <translation>分配到地图所选</translation>
        </message>
        <message>
            <source>Put the chosen people on the grid or micro-grid selected on the map (staff on the selected centre)</source>
            <translation>把所选人员分配到地图上选中的网格或微网格（工作人员分配到选中的服务中心）</translation>
        </message>
        <message>
            <source>Unassign</source>
            <translation>取消分配</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Members / where</source>
            <translation>人数 / 所在位置</translation>
        </message>
    </context>
    <context>
        <name>PlanDamage</name>
        <message>
            <source>Column {column} is missing: its {count} rows have lost it</source>
            <extracomment>What each kind of damage is, from the finding's params ({table}, {column}, {rows}, {value}, {count}, {stated}, {refers_to}).</extracomment>
            <translation>缺少 {column} 列：其 {count} 行已丢失该值</translation>
        </message>
        <message>
            <source>{column} holds “{value}”, which is not a number</source>
            <translation>{column} 的值为“{value}”，不是数字</translation>
        </message>
        <message>
            <source>Feature id {value} is used by {count} rows</source>
            <translation>要素编号 {value} 被 {count} 行共用</translation>
        </message>
        <message>
            <source>The shape cannot be read as it is stored ({reason})</source>
            <translation>图形按存储内容无法读取（{reason}）</translation>
        </message>
        <message>
            <source>The file says it holds {stated} rows but it holds {count}</source>
            <translation>文件记载有 {stated} 行，实际有 {count} 行</translation>
        </message>
        <message>
            <source>The table has lost its feature id key</source>
            <translation>该表丢失了要素编号主键</translation>
        </message>
        <message>
            <source>Column {column} is stored as {value}</source>
            <translation>{column} 列的存储类型为 {value}</translation>
        </message>
        <message>
            <source>Points at {refers_to} {value}, which does not exist</source>
            <translation>指向{refers_to} {value}，但它不存在</translation>
        </message>
        <message>
            <source>{column} is empty</source>
            <translation>{column} 为空</translation>
        </message>
        <message>
            <source>Names “{value}”, neither a grid worker nor a Party branch</source>
            <translation>指向“{value}”，既不是网格员也不是党支部</translation>
        </message>
        <message>
            <source>Repeats {value} on the same cell</source>
            <translation>在同一网格中重复了 {value}</translation>
        </message>
        <message>
            <source>These cells share the grid code {value}</source>
            <translation>这些网格共用网格编码 {value}</translation>
        </message>
        <message>
            <source>{column} points at {refers_to} {value}, which does not exist</source>
            <translation>{column} 指向{refers_to} {value}，但它不存在</translation>
        </message>
        <message>
            <source>The row is removed</source>
            <translation>删除该行</translation>
        </message>
        <message>
            <source>The link is cleared; the row is kept</source>
            <translation>清除该关联，保留该行</translation>
        </message>
        <message>
            <source>The value is cleared; fill it in again</source>
            <translation>清空该值，请重新填写</translation>
        </message>
        <message>
            <source>The column is added back, empty</source>
            <translation>补回该列（为空）</translation>
        </message>
        <message>
            <source>Put right when the plan is saved</source>
            <translation>保存方案时自动纠正</translation>
        </message>
        <message>
            <source>The first row keeps the id, the others get new ids: {new_fids}</source>
            <translation>第一行保留编号，其余行获得新编号：{new_fids}</translation>
        </message>
        <message>
            <source>Read as well as possible; check it on the map</source>
            <translation>已尽量读取，请在地图上核对</translation>
        </message>
        <message>
            <source>Not repaired: fix it yourself</source>
            <translation>不自动修复：请自行修正</translation>
        </message>
        <message>
            <source>Boundaries</source>
            <translation>边界</translation>
        </message>
        <message>
            <source>Buildings</source>
            <translation>楼栋</translation>
        </message>
        <message>
            <source>Grid cells</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Centres</source>
            <translation>服务中心</translation>
        </message>
        <message>
            <source>Walking network</source>
            <translation>步行路网</translation>
        </message>
        <message>
            <source>Grid workers</source>
            <translation>网格员</translation>
        </message>
        <message>
            <source>Party branches</source>
            <translation>党支部</translation>
        </message>
        <message>
            <source>Assignments</source>
            <translation>人员分配</translation>
        </message>
        <message>
            <source>Micro-grids</source>
            <translation>微网格</translation>
        </message>
        <message>
            <source>Party groups</source>
            <translation>党小组</translation>
        </message>
        <message>
            <source>Party-member households</source>
            <translation>党员中心户</translation>
        </message>
        <message>
            <source>Reporting Party members</source>
            <translation>报到党员</translation>
        </message>
        <message>
            <source>Volunteers</source>
            <translation>志愿者</translation>
        </message>
        <message>
            <source>Community staff</source>
            <translation>社区工作人员</translation>
        </message>
        <message>
            <source>The plan file is damaged</source>
            <translation>方案文件已损坏</translation>
        </message>
        <message>
            <source>Repair</source>
            <translation>修复</translation>
        </message>
        <message>
            <source>Open Without Repairing</source>
            <translation>不修复直接打开</translation>
        </message>
        <message>
            <source>Repaired; save the plan to keep the repairs</source>
            <translation>已修复；保存方案后修复才会生效</translation>
        </message>
        <message>
            <source>Table</source>
            <translation>表</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>行</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Opened without repairing: saving over this file is refused; use Save As…</source>
            <translation>未修复直接打开：不能覆盖保存此文件，请使用“另存为…”</translation>
        </message>
        <message>
            <source>Repair damaged plan</source>
            <translation>修复损坏的方案</translation>
        </message>
        <message>
            <source>Cannot save the plan</source>
            <translation>无法保存方案</translation>
        </message>
        <message>
            <source>Cannot open the plan</source>
            <translation>无法打开方案</translation>
        </message>
        <message>
            <source>This plan was opened without repairing its damage, so it is not saved over %1: that would make the damage permanent. Use Save As… to keep your work in another file, or open the plan again and choose Repair.</source>
            <translation>此方案打开时未修复其损坏，因此不会覆盖保存到 %1：那样会使损坏无法挽回。请用“另存为…”把工作保存到另一个文件，或重新打开方案并选择“修复”。</translation>
        </message>
        <message>
            <source>%1 has %2 problem(s) that would be lost or made permanent by saving it as it is. Nothing has been changed yet.</source>
            <translation>%1 有 %2 处问题，若照原样保存，这些数据会丢失或损坏将无法挽回。目前尚未做任何更改。</translation>
        </message>
    </context>
    <context>
        <name>PrintDialog</name>
        <message>
            <source>Print Grid Maps</source>
            <translation>打印网格作战图</translation>
        </message>
        <message>
            <source>A4</source>
            <translation>A4</translation>
        </message>
        <message>
            <source>A3</source>
            <translation>A3</translation>
        </message>
        <message>
            <source>Automatic (by the map's shape)</source>
            <translation>自动（按地图形状）</translation>
        </message>
        <message>
            <source>Portrait</source>
            <translation>纵向</translation>
        </message>
        <message>
            <source>Landscape</source>
            <translation>横向</translation>
        </message>
        <message>
            <source>One page per community</source>
            <translation>每个社区一页</translation>
        </message>
        <message>
            <source>One page per grid cell</source>
            <translation>每个网格一页</translation>
        </message>
        <message>
            <source>Chinese</source>
            <translation>中文</translation>
        </message>
        <message>
            <source>English</source>
            <translation>英文</translation>
        </message>
        <message>
            <source>Paper:</source>
            <translation>纸张：</translation>
        </message>
        <message>
            <source>Orientation:</source>
            <translation>方向：</translation>
        </message>
        <message>
            <source>Pages:</source>
            <translation>分页：</translation>
        </message>
        <message>
            <source>Map language:</source>
            <translation>图面语言：</translation>
        </message>
        <message>
            <source>Title:</source>
            <translation>标题：</translation>
        </message>
        <message>
            <source>Author:</source>
            <translation>制图：</translation>
        </message>
        <message>
            <source>Date:</source>
            <translation>日期：</translation>
        </message>
        <message>
            <source>Shade buildings by walking distance to a centre</source>
            <translation>按到服务中心的步行距离为楼栋着色</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>导出 PDF…</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Previous page</source>
            <translation>上一页</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>下一页</translation>
        </message>
        <message>
            <source>Walking coverage needs service centres and buildings; the buildings are not shaded.</source>
            <translation>计算步行覆盖需要服务中心和楼栋数据，楼栋未按距离着色。</translation>
        </message>
        <message>
            <source>Nothing to print: the plan has no map data.</source>
            <translation>没有可打印的内容：方案中没有地图数据。</translation>
        </message>
        <message>
            <source>Page %1 of %2</source>
            <translation>第 %1 / %2 页</translation>
        </message>
        <message>
            <source>Export PDF</source>
            <translation>导出 PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Writing the PDF…</source>
            <translation>正在写入 PDF…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Cannot export the PDF</source>
            <translation>无法导出 PDF</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
    </context>
    <context>
        <name>PrintFeature</name>
        <message>
            <source>Print Pre&amp;view…</source>
            <extracomment>(name, text, slot, shortcut, status tip)</extracomment>
            <translation>打印预览(&amp;V)…</translation>
        </message>
        <message>
            <source>Preview and print the grid maps, one page per community or per grid cell</source>
            <translation>预览并打印网格作战图，每个社区或每个网格一页</translation>
        </message>
        <message>
            <source>Export &amp;PDF…</source>
            <translation>导出 PDF(&amp;P)…</translation>
        </message>
        <message>
            <source>Write the grid maps with their staffing tables to one PDF file</source>
            <translation>将网格作战图及人员配置表写入一个 PDF 文件</translation>
        </message>
        <message>
            <source>Export &amp;Tables, Layers, Web Map…</source>
            <translation>导出表格、图层、网页地图(&amp;T)…</translation>
        </message>
        <message>
            <source>Write the roster to Excel or CSV, the layers to GeoPackage, Shapefile or GeoJSON, or a web map</source>
            <translation>将人员配置表导出为 Excel 或 CSV，将图层导出为 GeoPackage、Shapefile 或 GeoJSON，或导出网页地图</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <source>Wrote %1 files</source>
            <translation>已写入 %1 个文件</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <source>Coverage Report</source>
            <translation>覆盖评估报告</translation>
        </message>
        <message>
            <source>Every centre</source>
            <translation>全部服务中心</translation>
        </message>
        <message>
            <source>(no comparison)</source>
            <translation>（不比较）</translation>
        </message>
        <message>
            <source>e.g. the sub-district office</source>
            <translation>如：某某街道办事处</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>New centre sites to suggest; households a centre has no room for count as not covered</source>
            <translation>推荐新增服务点位的数量；服务中心容量不足的户数计为未覆盖</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Also write the figures as an Excel summary (.xlsx)</source>
            <translation>同时输出Excel汇总表（.xlsx）</translation>
        </message>
        <message>
            <source>Centres:</source>
            <translation>服务中心：</translation>
        </message>
        <message>
            <source>Compare with:</source>
            <translation>比较方案：</translation>
        </message>
        <message>
            <source>Issuing office:</source>
            <translation>编制单位：</translation>
        </message>
        <message>
            <source>Date:</source>
            <translation>日期：</translation>
        </message>
        <message>
            <source>Suggested sites:</source>
            <translation>推荐点位：</translation>
        </message>
        <message>
            <source>PDF file:</source>
            <translation>PDF文件：</translation>
        </message>
        <message>
            <source>Save Coverage Report</source>
            <translation>保存覆盖评估报告</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>Roster</name>
        <message>
            <source>Grid leader</source>
            <extracomment>(group title, roles, required on a comprehensive grid)</extracomment>
            <translation>网格长</translation>
        </message>
        <message>
            <source>Full-time workers</source>
            <translation>专职网格员</translation>
        </message>
        <message>
            <source>Part-time workers</source>
            <translation>兼职网格员</translation>
        </message>
        <message>
            <source>Stewards and supervisors</source>
            <translation>楼栋长和网格指导员</translation>
        </message>
        <message>
            <source>No grid cell selected</source>
            <extracomment>the cell shown changed (fid, or -1 for none)</extracomment>
            <translation>未选择网格</translation>
        </message>
        <message>
            <source>Select a grid cell on the map to see its team. Drag people from the roster onto a cell to assign them.</source>
            <translation>在地图上选择一个网格即可查看其人员。把花名册中的人员拖到网格上即可分配。</translation>
        </message>
        <message>
            <source>Dedicated grid</source>
            <translation>专属网格</translation>
        </message>
        <message>
            <source>Comprehensive grid</source>
            <translation>综合网格</translation>
        </message>
        <message>
            <source>no responsible unit</source>
            <translation>未指定责任单位</translation>
        </message>
        <message>
            <source>no community</source>
            <translation>未分配社区</translation>
        </message>
        <message>
            <source>%1 households</source>
            <translation>%1 户</translation>
        </message>
        <message>
            <source>%1 residents</source>
            <translation>%1 人</translation>
        </message>
        <message>
            <source>Drop workers or branches here to put them on this grid.</source>
            <translation>把网格员或党支部拖到这里，即分配到本网格。</translation>
        </message>
        <message>
            <source>Party branch</source>
            <translation>党支部</translation>
        </message>
        <message>
            <source>(none yet: required)</source>
            <translation>（尚无：必须配备）</translation>
        </message>
        <message>
            <source>Secretary %1, %2 members</source>
            <translation>书记 %1，党员 %2 名</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Take %1 off this grid</source>
            <translation>将 %1 移出本网格</translation>
        </message>
        <message>
            <source>Grid Cell</source>
            <translation>网格详情</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Phone / secretary</source>
            <translation>电话 / 书记</translation>
        </message>
        <message>
            <source>(no grid)</source>
            <extracomment>a message for the status bar (what a paste could not read)</extracomment>
            <translation>（无网格）</translation>
        </message>
        <message>
            <source>Filter: name, phone, role, grid…</source>
            <translation>筛选：姓名、电话、岗位、网格…</translation>
        </message>
        <message>
            <source>Filter: name, secretary, type, grid…</source>
            <translation>筛选：名称、书记、类型、网格…</translation>
        </message>
        <message>
            <source>Only those on no grid</source>
            <translation>仅显示未分配网格的</translation>
        </message>
        <message>
            <source>Show only the rows not yet on a grid, to drag onto the map</source>
            <translation>只显示尚未分配到网格的行，便于拖到地图上</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>新增</translation>
        </message>
        <message>
            <source>Add a grid worker</source>
            <translation>新增网格员</translation>
        </message>
        <message>
            <source>Add a Party branch</source>
            <translation>新增党支部</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Delete the selected rows (and their grid assignments)</source>
            <translation>删除所选行（及其网格分配）</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Paste</source>
            <translation>粘贴</translation>
        </message>
        <message>
            <source>Roster</source>
            <extracomment>(target, fids) of the rows the user selected</extracomment>
            <translation>人员花名册</translation>
        </message>
        <message>
            <source>Grid workers (%1)</source>
            <translation>网格员（%1）</translation>
        </message>
        <message>
            <source>Party branches (%1)</source>
            <translation>党支部（%1）</translation>
        </message>
        <message>
            <source>&amp;Import Roster…</source>
            <translation>导入花名册(&amp;I)…</translation>
        </message>
        <message>
            <source>&amp;Auto-assign…</source>
            <translation>自动分配(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Check Roster Rules</source>
            <translation>检查人员配置规则(&amp;C)</translation>
        </message>
        <message>
            <source>Import grid workers or Party branches from Excel or CSV</source>
            <translation>从 Excel 或 CSV 导入网格员或党支部</translation>
        </message>
        <message>
            <source>Propose a leader, a full-time worker and a Party branch for every grid</source>
            <translation>为每个网格建议网格长、专职网格员和党支部</translation>
        </message>
        <message>
            <source>List the grids that break a roster rule</source>
            <translation>列出不符合人员配置规则的网格</translation>
        </message>
        <message>
            <source>No grid cell here: drop on a grid cell</source>
            <translation>此处没有网格：请拖放到网格上</translation>
        </message>
        <message>
            <source>Already on grid %1</source>
            <translation>已在网格 %1 上</translation>
        </message>
        <message>
            <source>Cannot propose an assignment</source>
            <translation>无法生成分配建议</translation>
        </message>
        <message>
            <source>Cannot apply the assignment</source>
            <translation>无法应用分配</translation>
        </message>
        <message>
            <source>Roster Rules</source>
            <translation>人员配置规则检查</translation>
        </message>
        <message>
            <source>Roster rules: %1 findings</source>
            <translation>人员配置规则：发现 %1 个问题</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Secretary</source>
            <translation>书记</translation>
        </message>
        <message>
            <source>Full members</source>
            <translation>正式党员数</translation>
        </message>
        <message>
            <source>Full-time worker</source>
            <translation>专职网格员</translation>
        </message>
        <message>
            <source>Part-time worker</source>
            <translation>兼职网格员</translation>
        </message>
        <message>
            <source>Building steward</source>
            <translation>楼栋长</translation>
        </message>
        <message>
            <source>Grid supervisor</source>
            <translation>网格指导员</translation>
        </message>
        <message>
            <source>Grid branch</source>
            <translation>网格党支部</translation>
        </message>
        <message>
            <source>Joint branch</source>
            <translation>联合党支部</translation>
        </message>
        <message>
            <source>Compound branch</source>
            <translation>小区党支部</translation>
        </message>
        <message>
            <source>Community Party committee</source>
            <translation>社区大党委</translation>
        </message>
        <message>
            <source>Branch name</source>
            <extracomment>Qt's translate under a name pyside6-lupdate recognises (with a literal context).</extracomment>
            <translation>支部名称</translation>
        </message>
        <message>
            <source>Edit %1 of %2</source>
            <translation>修改 %2 的%1</translation>
        </message>
        <message>
            <source>row %1: cannot read %2 as %3</source>
            <translation>第 %1 行：无法把 %2 识别为%3</translation>
        </message>
        <message>
            <source>Paste %1 cells</source>
            <translation>粘贴 %1 个单元格</translation>
        </message>
    </context>
    <context>
        <name>RosterCommands</name>
        <message>
            <source>Edit %1</source>
            <extracomment>Qt's translate under a name pyside6-lupdate recognises (with a literal context).</extracomment>
            <translation>修改 %1</translation>
        </message>
        <message>
            <source>Add rows (%1)</source>
            <translation>新增行（%1）</translation>
        </message>
        <message>
            <source>Remove rows (%1)</source>
            <translation>删除行（%1）</translation>
        </message>
        <message>
            <source>Add grid workers (%1)</source>
            <translation>新增网格员（%1）</translation>
        </message>
        <message>
            <source>Add Party branches (%1)</source>
            <translation>新增党支部（%1）</translation>
        </message>
        <message>
            <source>Delete grid workers (%1)</source>
            <translation>删除网格员（%1）</translation>
        </message>
        <message>
            <source>Delete Party branches (%1)</source>
            <translation>删除党支部（%1）</translation>
        </message>
        <message>
            <source>Assign %1 to grid %2</source>
            <translation>将 %1 分配到网格 %2</translation>
        </message>
        <message>
            <source>Take %1 off every grid</source>
            <translation>将 %1 移出所有网格</translation>
        </message>
        <message>
            <source>Remove %1 from the grid</source>
            <translation>将 %1 移出网格</translation>
        </message>
        <message>
            <source>Remove assignments (%1)</source>
            <translation>移除分配（%1）</translation>
        </message>
        <message>
            <source>Auto-assign: %1 changes</source>
            <translation>自动分配：%1 项更改</translation>
        </message>
    </context>
    <context>
        <name>RosterImport</name>
        <message>
            <source>Detect (UTF-8 or GBK)</source>
            <translation>自动检测（UTF-8 或 GBK）</translation>
        </message>
        <message>
            <source>Grid workers</source>
            <translation>网格员</translation>
        </message>
        <message>
            <source>Party branches</source>
            <translation>党支部</translation>
        </message>
        <message>
            <source>Reporting Party members (双报到)</source>
            <translation>双报到在职党员</translation>
        </message>
        <message>
            <source>Volunteers</source>
            <translation>志愿者</translation>
        </message>
        <message>
            <source>Community staff</source>
            <translation>社区工作人员</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>Grid (code or name)</source>
            <translation>网格（编码或名称）</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Branch name</source>
            <translation>支部名称</translation>
        </message>
        <message>
            <source>Secretary</source>
            <translation>书记</translation>
        </message>
        <message>
            <source>Full members</source>
            <translation>正式党员数</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Grids (codes or names)</source>
            <translation>网格（编码或名称）</translation>
        </message>
        <message>
            <source>Work unit</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>Home (compound and building)</source>
            <translation>居住地（小区及楼栋）</translation>
        </message>
        <message>
            <source>Building (number or name)</source>
            <translation>楼栋（号或名称）</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>服务队</translation>
        </message>
        <message>
            <source>Skills</source>
            <translation>特长</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>Centre on duty</source>
            <translation>值班地点</translation>
        </message>
        <message>
            <source>Duty days</source>
            <translation>值班日</translation>
        </message>
        <message>
            <source>Tables (*.xlsx *.xlsm *.xls *.csv *.txt);;All files (*)</source>
            <translation>表格 (*.xlsx *.xlsm *.xls *.csv *.txt);;所有文件 (*)</translation>
        </message>
        <message>
            <source>%1: cannot read the table (%2)</source>
            <extracomment>What reading a table may raise besides our own errors (the csv sniffer, pandas). Qt's translate under a name pyside6-lupdate recognises (with a literal context).</extracomment>
            <translation>%1：无法读取表格（%2）</translation>
        </message>
        <message>
            <source>Import Roster</source>
            <translation>导入花名册</translation>
        </message>
        <message>
            <source>&lt; Back</source>
            <translation>&lt; 上一步</translation>
        </message>
        <message>
            <source>Next &gt;</source>
            <translation>下一步 &gt;</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Replace the roster instead of adding to it</source>
            <translation>替换现有花名册（而不是追加）</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>工作表</translation>
        </message>
        <message>
            <source>Text encoding</source>
            <translation>文本编码</translation>
        </message>
        <message>
            <source>Excel (.xlsx) or CSV in UTF-8 or GBK. Title rows above the header row are skipped.</source>
            <translation>Excel（.xlsx）或 UTF-8、GBK 编码的 CSV。表头上方的标题行会被跳过。</translation>
        </message>
        <message>
            <source>First rows of the table:</source>
            <translation>表格前几行：</translation>
        </message>
        <message>
            <source>Choose a roster file</source>
            <translation>选择花名册文件</translation>
        </message>
        <message>
            <source>Choose a file to import.</source>
            <translation>请选择要导入的文件。</translation>
        </message>
        <message>
            <source>(not imported)</source>
            <translation>（不导入）</translation>
        </message>
        <message>
            <source>read as %1</source>
            <translation>按 %1 读取</translation>
        </message>
        <message>
            <source>sheet %1</source>
            <translation>工作表 %1</translation>
        </message>
        <message>
            <source>%1 rows, %2. Choose the column holding each field:</source>
            <translation>共 %1 行，%2。请为每个字段选择对应的列：</translation>
        </message>
        <message>
            <source>Choose the column holding the names.</source>
            <translation>请选择姓名所在的列。</translation>
        </message>
    </context>
    <context>
        <name>ScaleBox</name>
        <message>
            <source>Map scale: type 1:2000 and press Enter</source>
            <translation>地图比例尺：输入 1:2000 后按回车</translation>
        </message>
    </context>
    <context>
        <name>ScenarioPanel</name>
        <message>
            <source>From:</source>
            <translation>从：</translation>
        </message>
        <message>
            <source>To:</source>
            <translation>到：</translation>
        </message>
        <message>
            <source>Compare</source>
            <translation>比较</translation>
        </message>
        <message>
            <source>Every centre (when the plan is built)</source>
            <translation>全部服务中心（规划建成后）</translation>
        </message>
        <message>
            <source>Open now (built and pilot)</source>
            <translation>现状（已建成及试点）</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>Households
(from)</source>
            <translation>户数
（比较前）</translation>
        </message>
        <message>
            <source>Households
(to)</source>
            <translation>户数
（比较后）</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>变化</translation>
        </message>
        <message>
            <source>Share
(from)</source>
            <translation>覆盖率
（比较前）</translation>
        </message>
        <message>
            <source>Share
(to)</source>
            <translation>覆盖率
（比较后）</translation>
        </message>
        <message>
            <source>Choose two placements and press Compare.</source>
            <translation>选择两个布局方案，然后点击“比较”。</translation>
        </message>
        <message>
            <source>Within %1 m: %2 buildings gain coverage (blue on the map), %3 lose it (purple).</source>
            <translation>%1米范围内：%2栋楼新增覆盖（地图上蓝色），%3栋楼失去覆盖（紫色）。</translation>
        </message>
        <message>
            <source>Share %1 → %2 (target %3); centres %4 → %5; communities with a centre %6 → %7 of %8.</source>
            <translation>覆盖率 %1 → %2（目标 %3）；服务中心 %4 → %5 个；有服务中心的社区 %6 → %7（共 %8 个）。</translation>
        </message>
    </context>
    <context>
        <name>ServicesEditor</name>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>New service</source>
            <translation>新服务项目</translation>
        </message>
        <message>
            <source>List at least one service</source>
            <translation>至少列出一项服务</translation>
        </message>
        <message>
            <source>A service has no name</source>
            <translation>有服务项目没有名称</translation>
        </message>
        <message>
            <source>Two services have the same name</source>
            <translation>有两项服务名称相同</translation>
        </message>
        <message>
            <source>A service name cannot contain ';'</source>
            <translation>服务名称不能包含“;”</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Plan Settings</source>
            <extracomment>Words of a ModelError message → the field it belongs to.</extracomment>
            <translation>方案设置</translation>
        </message>
        <message>
            <source>Grids and codes</source>
            <translation>网格与编码</translation>
        </message>
        <message>
            <source>Walking and services</source>
            <translation>步行与服务</translation>
        </message>
        <message>
            <source>DB11/T 2157-2023 (15 digits)</source>
            <translation>DB11/T 2157-2023（15 位）</translation>
        </message>
        <message>
            <source>CJ/T 349-2010 (20 digits)</source>
            <translation>CJ/T 349-2010（20 位）</translation>
        </message>
        <message>
            <source>Staffing and estimates</source>
            <translation>人员与估算</translation>
        </message>
        <message>
            <source>Input limits</source>
            <translation>导入限制</translation>
        </message>
        <message>
            <source>Grid size</source>
            <translation>网格规模</translation>
        </message>
        <message>
            <source>Households per grid</source>
            <translation>每个网格户数</translation>
        </message>
        <message>
            <source>A common convention in local guidance, not a national standard: about 300–500 households per urban grid; in the countryside a natural village or about 300.</source>
            <translation>各地指导文件中的常见做法，并非国家标准：城市网格约 300–500 户；农村以自然村或约 300 户为一格。</translation>
        </message>
        <message>
            <source>Most residents per grid</source>
            <translation>每个网格最多人口</translation>
        </message>
        <message>
            <source>Also a convention: usually no more than 2,000–2,500 residents.</source>
            <translation>同为常见做法：一般不超过 2,000–2,500 人。</translation>
        </message>
        <message>
            <source>Staffing</source>
            <translation>人员配备</translation>
        </message>
        <message>
            <source>Households per full-time worker</source>
            <translation>每名专职网格员户数</translation>
        </message>
        <message>
            <source>How many households one full-time grid worker looks after; a local convention, not a rule.</source>
            <translation>一名专职网格员负责的户数；为各地常见做法，并非硬性规定。</translation>
        </message>
        <message>
            <source>Full members for a branch</source>
            <translation>成立支部的正式党员数</translation>
        </message>
        <message>
            <source>The Party Constitution (art. 30) asks for at least 3 full members; a grid with fewer is joined to a neighbour's branch.</source>
            <translation>党章第三十条：正式党员三人以上可成立支部；不足的网格与相邻网格联合建立支部。</translation>
        </message>
        <message>
            <source>Below the grid</source>
            <translation>网格以下</translation>
        </message>
        <message>
            <source>Households per micro-grid</source>
            <translation>每个微网格户数</translation>
        </message>
        <message>
            <source>A micro-grid (微网格) of a few buildings: 30–80 households is a common local convention, not a rule.</source>
            <translation>微网格由几栋楼组成：每个 30–80 户是各地常见做法，并非硬性规定。</translation>
        </message>
        <message>
            <source>Households per Party-member household</source>
            <translation>每个党员中心户联系户数</translation>
        </message>
        <message>
            <source>A Party-member household (党员中心户) looks after about 5–15 households: a convention, not a rule.</source>
            <translation>每个党员中心户联系约 5–15 户：这是常见做法，并非硬性规定。</translation>
        </message>
        <message>
            <source>Grid codes</source>
            <translation>网格编码</translation>
        </message>
        <message>
            <source>Code scheme</source>
            <translation>编码方案</translation>
        </message>
        <message>
            <source>DB11/T 2157-2023: county + sub-district + community + grid serial. CJ/T 349-2010: category + administrative code + sub-district + community + serial.</source>
            <translation>DB11/T 2157-2023：区县 + 街道 + 社区 + 网格序号。CJ/T 349-2010：类别 + 行政区划代码 + 街道 + 社区 + 序号。</translation>
        </message>
        <message>
            <source>County code</source>
            <translation>区县代码</translation>
        </message>
        <message>
            <source>6 digits from GB/T 2260, e.g. 110105.</source>
            <translation>GB/T 2260 中的 6 位代码，如 110105。</translation>
        </message>
        <message>
            <source>Sub-district code</source>
            <translation>街道代码</translation>
        </message>
        <message>
            <source>3 digits: 001–099 sub-districts, 100–199 towns, 200–399 townships.</source>
            <translation>3 位：001–099 为街道，100–199 为镇，200–399 为乡。</translation>
        </message>
        <message>
            <source>Estimating households</source>
            <translation>户数估算</translation>
        </message>
        <message>
            <source>Dwelling size</source>
            <translation>套均面积</translation>
        </message>
        <message>
            <source>Floor area per household: households ≈ footprint × floors ÷ this.</source>
            <translation>每户建筑面积：户数 ≈ 基底面积 × 层数 ÷ 套均面积。</translation>
        </message>
        <message>
            <source>Floor height</source>
            <translation>层高</translation>
        </message>
        <message>
            <source>Turns a building's height into floors.</source>
            <translation>用于由建筑高度推算层数。</translation>
        </message>
        <message>
            <source>Walking distances</source>
            <translation>步行距离</translation>
        </message>
        <message>
            <source>Levels</source>
            <translation>距离级别</translation>
        </message>
        <message>
            <source>Measured along the walking network; type metres or minutes. GB 50180-2018: 5-minute circle 300 m, 10-minute 500 m, 15-minute 800–1,000 m.</source>
            <translation>沿步行路网计算；可输入米数或分钟数。GB 50180-2018：5 分钟生活圈 300 米，10 分钟 500 米，15 分钟 800–1,000 米。</translation>
        </message>
        <message>
            <source>Walking speed</source>
            <translation>步行速度</translation>
        </message>
        <message>
            <source>Turns minutes into metres: 1.0 m/s by default; older residents walk slower, routing engines assume about 1.4 m/s.</source>
            <translation>用于分钟与米数换算：默认 1.0 米/秒；老年人步行较慢，导航软件一般按约 1.4 米/秒计算。</translation>
        </message>
        <message>
            <source>Target share</source>
            <translation>目标覆盖率</translation>
        </message>
        <message>
            <source>Residents to be within the longest level of every service. Aims in force: 85% nationally by 2025, 99% in Shanghai by 2035.</source>
            <translation>每项服务最远距离级别内应覆盖的居民比例。现行目标：全国 2025 年达到 85%，上海 2035 年达到 99%。</translation>
        </message>
        <message>
            <source>Services</source>
            <translation>服务项目</translation>
        </message>
        <message>
            <source>Coverage is computed per service. Double-click to rename; a renamed service is renamed at the centres that offer it too.</source>
            <translation>覆盖率按服务项目分别计算。双击可重命名；重命名后，提供该服务的中心也随之更新。</translation>
        </message>
        <message>
            <source>The smallest number is above the largest</source>
            <translation>最小值大于最大值</translation>
        </message>
        <message>
            <source>Type the 6 digits of the county code</source>
            <translation>请输入 6 位区县代码</translation>
        </message>
        <message>
            <source>Type 3 digits, e.g. 001</source>
            <translation>请输入 3 位数字，如 001</translation>
        </message>
        <message>
            <source>Two levels have the same distance</source>
            <translation>有两个级别距离相同</translation>
        </message>
    </context>
    <context>
        <name>SitingDialog</name>
        <message>
            <source>Suggest Centre Sites</source>
            <extracomment>the parameters the shown result was computed with ("Add as centre" uses its service)</extracomment>
            <translation>服务中心选址建议</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>选址</translation>
        </message>
        <message>
            <source>Households added</source>
            <translation>新增覆盖户数</translation>
        </message>
        <message>
            <source>Residents added</source>
            <translation>新增覆盖人口</translation>
        </message>
        <message>
            <source>Grid cells that gain</source>
            <translation>受益网格</translation>
        </message>
        <message>
            <source>Suggest</source>
            <translation>生成建议</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Number of new sites:</source>
            <translation>新增站点数：</translation>
        </message>
        <message>
            <source>Fewest sites to reach a share:</source>
            <translation>达到以下比例所需的最少站点：</translation>
        </message>
        <message>
            <source>Within:</source>
            <translation>距离范围：</translation>
        </message>
        <message>
            <source>All services</source>
            <translation>全部服务</translation>
        </message>
        <message>
            <source>Service:</source>
            <translation>服务：</translation>
        </message>
        <message>
            <source>Points along the network, every</source>
            <translation>沿路网每隔</translation>
        </message>
        <message>
            <source>Points from a file:</source>
            <translation>来自文件的候选点：</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Count the centres' capacity (households a centre has no room for count as not covered)</source>
            <translation>计入服务中心容量（容量不足的户数计为未覆盖）</translation>
        </message>
        <message>
            <source>Candidate Sites</source>
            <translation>候选选址</translation>
        </message>
        <message>
            <source>GIS files (*.gpkg *.shp *.zip *.geojson *.json *.kml);;All files (*)</source>
            <translation>GIS 文件 (*.gpkg *.shp *.zip *.geojson *.json *.kml);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>正在搜索…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <source>straight line — no network loaded</source>
            <translation>直线距离——未加载路网</translation>
        </message>
        <message>
            <source>walking network</source>
            <translation>步行路网</translation>
        </message>
        <message>
            <source>Households covered within %1: %2% now, %3% with the suggested sites (%4). %5.</source>
            <translation>%1内覆盖户数比例：现状%2%，增加推荐点位后%3%（%4）。%5。</translation>
        </message>
        <message>
            <source>The target cannot be reached with these candidates.</source>
            <translation>这些候选点无法达到目标。</translation>
        </message>
        <message>
            <source>No site adds coverage.</source>
            <translation>没有能增加覆盖的选址。</translation>
        </message>
        <message>
            <source>%1. %2</source>
            <translation>%1. %2</translation>
        </message>
        <message>
            <source>Site %1</source>
            <translation>选址 %1</translation>
        </message>
        <message>
            <source>Add as centre</source>
            <translation>添加为服务中心</translation>
        </message>
    </context>
    <context>
        <name>StationRuleDialog</name>
        <message>
            <source>One Station per Grid</source>
            <translation>一网格一阵地</translation>
        </message>
        <message>
            <source>Every grid has a Party-mass service station</source>
            <translation>每个网格都有党群服务站</translation>
        </message>
        <message>
            <source>A station (a Party-mass service station or a neighbourhood centre) counts when it stands inside the grid or within this walk of one of its buildings. Dedicated grids are not checked. 一网格一阵地 is local practice, not a national standard.</source>
            <translation>党群服务站（或党建+邻里中心）位于网格内，或距网格内任一楼栋的步行距离不超过此值时计入。专属网格不检查。“一网格一阵地”为地方做法，并非国家标准。</translation>
        </message>
        <message>
            <source>Within walking distance:</source>
            <translation>步行距离范围：</translation>
        </message>
    </context>
    <context>
        <name>TalliesDock</name>
        <message>
            <source>Grid Tallies</source>
            <translation>网格统计</translation>
        </message>
        <message>
            <source>Paint into:</source>
            <translation>划入网格：</translation>
        </message>
        <message>
            <source>New Cell</source>
            <translation>新建网格</translation>
        </message>
        <message>
            <source>Add an empty cell to paint buildings into</source>
            <translation>新建一个空网格，用于划入楼栋</translation>
        </message>
        <message>
            <source>Brush:</source>
            <translation>笔刷：</translation>
        </message>
        <message>
            <source>Brush radius in screen pixels ([ and ] change it)</source>
            <translation>笔刷半径（屏幕像素，按 [ 和 ] 调整）</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>Households</source>
            <translation>户数</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>人口</translation>
        </message>
        <message>
            <source>Buildings</source>
            <translation>楼栋</translation>
        </message>
        <message>
            <source>Deviation</source>
            <translation>偏差</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>below</source>
            <translation>偏少</translation>
        </message>
        <message>
            <source>within</source>
            <translation>适中</translation>
        </message>
        <message>
            <source>above</source>
            <translation>偏多</translation>
        </message>
        <message>
            <source>No cells yet.</source>
            <translation>还没有网格。</translation>
        </message>
        <message>
            <source>%1 cells, range %2–%3 households: %4 below, %5 within, %6 above</source>
            <translation>共 %1 个网格，户数范围 %2–%3：偏少 %4 个，适中 %5 个，偏多 %6 个</translation>
        </message>
    </context>
    <context>
        <name>CentreCommands</name>
        <message>
            <source>Add centre</source>
            <translation>添加服务中心</translation>
        </message>
        <message>
            <source>Move centre</source>
            <translation>移动服务中心</translation>
        </message>
        <message>
            <source>Edit centre attributes</source>
            <translation>编辑服务中心属性</translation>
        </message>
        <message>
            <source>Delete %n centre(s)</source>
            <translation>删除 %n 个服务中心</translation>
        </message>
    </context>
    <context>
        <name>CoverageOverlay</name>
        <message>
            <source>Straight-line distance — no network loaded</source>
            <translation>直线距离——未加载路网</translation>
        </message>
        <message>
            <source>Walking distance (network)</source>
            <translation>步行距离（路网）</translation>
        </message>
        <message>
            <source>isochrones per centre</source>
            <translation>各中心等时圈</translation>
        </message>
        <message>
            <source>isochrones dissolved</source>
            <translation>合并等时圈</translation>
        </message>
        <message>
            <source>isochrones split by nearest centre</source>
            <translation>按最近中心分割的等时圈</translation>
        </message>
        <message>
            <source>network problem</source>
            <translation>路网问题</translation>
        </message>
        <message>
            <source>suggested site</source>
            <translation>建议选址</translation>
        </message>
        <message>
            <source>centre not open yet (planned, building)</source>
            <translation>尚未启用的服务中心（规划、在建）</translation>
        </message>
        <message>
            <source>gains coverage (scenarios compared)</source>
            <translation>新增覆盖（方案比较）</translation>
        </message>
        <message>
            <source>loses coverage (scenarios compared)</source>
            <translation>失去覆盖（方案比较）</translation>
        </message>
        <message>
            <source>beyond %1</source>
            <translation>超过 %1</translation>
        </message>
        <message>
            <source>gap area: beyond %1</source>
            <translation>覆盖盲区：超过 %1</translation>
        </message>
        <message>
            <source>within %1</source>
            <translation>%1 以内</translation>
        </message>
        <message>
            <source>… and %1 more centres</source>
            <translation>……另有%1个服务中心</translation>
        </message>
    </context>
    <context>
        <name>CoverageReport</name>
        <message>
            <source>Computing the coverage report…</source>
            <translation>正在计算覆盖评估报告……</translation>
        </message>
        <message>
            <source>Coverage Report</source>
            <translation>覆盖评估报告</translation>
        </message>
        <message>
            <source>Coverage report written: %1</source>
            <translation>覆盖评估报告已写入：%1</translation>
        </message>
    </context>
    <context>
        <name>BasemapDock</name>
        <message>
            <source>Basemaps</source>
            <translation>底图</translation>
        </message>
        <message>
            <source>Opacity</source>
            <translation>不透明度</translation>
        </message>
        <message>
            <source>Basemap opacity</source>
            <translation>底图不透明度</translation>
        </message>
        <message>
            <source>Remove basemap</source>
            <translation>移除底图</translation>
        </message>
        <message>
            <source>Zoom to Layer</source>
            <translation>缩放至图层</translation>
        </message>
        <message>
            <source>Remove Basemap</source>
            <translation>移除底图</translation>
        </message>
        <message>
            <source>Show basemap</source>
            <translation>显示底图</translation>
        </message>
        <message>
            <source>Hide basemap</source>
            <translation>隐藏底图</translation>
        </message>
        <message>
            <source>Reorder basemaps</source>
            <translation>调整底图顺序</translation>
        </message>
        <message>
            <source>Move Up</source>
            <translation>上移</translation>
        </message>
        <message>
            <source>Move Down</source>
            <translation>下移</translation>
        </message>
    </context>
    <context>
        <name>MapContextMenu</name>
        <message>
            <source>Copy Coordinates</source>
            <translation>复制坐标</translation>
        </message>
        <message>
            <source>Zoom to Layer</source>
            <translation>缩放至图层</translation>
        </message>
        <message>
            <source>Fill Colour…</source>
            <translation>填充颜色…</translation>
        </message>
        <message>
            <source>Outline Colour…</source>
            <translation>边线颜色…</translation>
        </message>
        <message>
            <source>Zoom to Selected Rows</source>
            <translation>缩放至所选行</translation>
        </message>
        <message>
            <source>Zoom to Feature</source>
            <translation>缩放至要素</translation>
        </message>
        <message>
            <source>Identify</source>
            <translation>识别</translation>
        </message>
        <message>
            <source>Edit Attributes</source>
            <translation>编辑属性</translation>
        </message>
        <message>
            <source>Delete Feature</source>
            <translation>删除要素</translation>
        </message>
        <message>
            <source>Go to Coordinates…</source>
            <translation>定位到坐标…</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Delete %1 %2</source>
            <translation>删除%1 %2</translation>
        </message>
    </context>
    <context>
        <name>MapDialogs</name>
        <message>
            <source>WGS84 / CGCS2000 degrees (GPS, Tianditu)</source>
            <translation>WGS84 / CGCS2000 经纬度（GPS、天地图）</translation>
        </message>
        <message>
            <source>GCJ-02 degrees (Amap, Tencent)</source>
            <translation>GCJ-02 经纬度（高德、腾讯）</translation>
        </message>
        <message>
            <source>BD-09 degrees (Baidu)</source>
            <translation>BD-09 经纬度（百度）</translation>
        </message>
        <message>
            <source>Plan metres (x, y)</source>
            <translation>方案坐标，米（x, y）</translation>
        </message>
        <message>
            <source>Add Tile Service</source>
            <translation>添加瓦片服务</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <source>URL template:</source>
            <translation>网址模板：</translation>
        </message>
        <message>
            <source>Coordinates of the tiles:</source>
            <translation>瓦片坐标系：</translation>
        </message>
        <message>
            <source>Attribution:</source>
            <translation>版权声明：</translation>
        </message>
        <message>
            <source>Key (if the service needs one):</source>
            <translation>密钥（服务需要时填写）：</translation>
        </message>
        <message>
            <source>Use {z}, {x} and {y} ({-y} for TMS rows) in the URL, and {key} where the key goes. The key is kept in your settings, never in the plan file.</source>
            <translation>网址中用 {z}、{x}、{y}（TMS 行序用 {-y}），密钥位置用 {key}。密钥只保存在您的本机设置中，不会写入方案文件。</translation>
        </message>
        <message>
            <source>URL template: enter the address of the tiles.</source>
            <translation>网址模板：请填写瓦片地址。</translation>
        </message>
        <message>
            <source>URL template: it must start with http:// or https://.</source>
            <translation>网址模板：须以 http:// 或 https:// 开头。</translation>
        </message>
        <message>
            <source>URL template: it needs {z}, {x} and {y}.</source>
            <translation>网址模板：须包含 {z}、{x} 和 {y}。</translation>
        </message>
        <message>
            <source>Key: this URL has {key}; enter the key.</source>
            <translation>密钥：该网址含有 {key}，请填写密钥。</translation>
        </message>
        <message>
            <source>Go to Coordinates</source>
            <translation>定位到坐标</translation>
        </message>
        <message>
            <source>Coordinates:</source>
            <translation>坐标：</translation>
        </message>
        <message>
            <source>System:</source>
            <translation>坐标系：</translation>
        </message>
        <message>
            <source>Snapping Options</source>
            <translation>捕捉选项</translation>
        </message>
        <message>
            <source>Snap while drawing</source>
            <translation>绘制时捕捉</translation>
        </message>
        <message>
            <source>screen pixels</source>
            <translation>屏幕像素</translation>
        </message>
        <message>
            <source>metres on the ground</source>
            <translation>实地米数</translation>
        </message>
        <message>
            <source>vertices and segments</source>
            <translation>节点和线段</translation>
        </message>
        <message>
            <source>vertices only</source>
            <translation>仅节点</translation>
        </message>
        <message>
            <source>segments only</source>
            <translation>仅线段</translation>
        </message>
        <message>
            <source>Tolerance:</source>
            <translation>容差：</translation>
        </message>
        <message>
            <source>Unit:</source>
            <translation>单位：</translation>
        </message>
        <message>
            <source>Snap to:</source>
            <translation>捕捉到：</translation>
        </message>
        <message>
            <source>Layers: choose at least one layer to snap to.</source>
            <translation>图层：请至少选择一个要捕捉的图层。</translation>
        </message>
        <message>
            <source>The plan has no coordinate system yet: import data first.</source>
            <translation>方案尚无坐标系：请先导入数据。</translation>
        </message>
        <message>
            <source>Coordinates: enter two numbers, e.g. 116.3974, 39.9093 (degrees) or 440120, 4420350 (plan metres).</source>
            <translation>坐标：请输入两个数，例如 116.3974, 39.9093（经纬度）或 440120, 4420350（方案坐标，米）。</translation>
        </message>
        <message>
            <source>Layers:</source>
            <translation>图层：</translation>
        </message>
    </context>
    <context>
        <name>commands</name>
        <message>
            <source>Change plan settings</source>
            <translation>修改方案设置</translation>
        </message>
        <message>
            <source>Change the layer order</source>
            <translation>更改图层顺序</translation>
        </message>
        <message>
            <source>Replace %1</source>
            <translation>替换%1</translation>
        </message>
        <message>
            <source>Import %1 from %2</source>
            <translation>从 %2 导入%1</translation>
        </message>
        <message>
            <source>Edit %1</source>
            <translation>编辑%1</translation>
        </message>
        <message>
            <source>Change the style of %1</source>
            <translation>修改%1的样式</translation>
        </message>
    </context>
    <context>
        <name>PlanFiles</name>
        <message>
            <source>The plan changed on disk</source>
            <translation>磁盘上的方案已被修改</translation>
        </message>
        <message>
            <source>Save As…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>重新载入</translation>
        </message>
        <message>
            <source>%1 is read-only, so it was not replaced. Use Save As… to save under another name, or make the file writable first.</source>
            <translation>%1 是只读文件，未被覆盖。请用“另存为…”换个文件名保存，或先取消该文件的只读属性。</translation>
        </message>
        <message>
            <source>Not enough disk space to save %1. Free some space or save to another disk; the file on disk is unchanged.</source>
            <translation>磁盘空间不足，无法保存 %1。请清理空间或保存到其他磁盘；磁盘上的原文件未改变。</translation>
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
            <source>%1 is being changed by %2 right now. Nothing was saved. Try again when it has finished, or use Save As… to keep your changes in another file.</source>
            <translation>%1 正由 %2 修改，本次未保存任何内容。请待其完成后再试，或用“另存为…”把您的修改保存到另一个文件。</translation>
        </message>
        <message>
            <source>%1 was changed on disk by %2 after this window opened it. Your changes are not saved yet, and saving now would lose that change.

Save As… keeps your changes in another file; Reload opens the plan as it is on disk and drops your unsaved changes.</source>
            <translation>本窗口打开 %1 之后，%2 修改了磁盘上的该文件。您的修改尚未保存，现在保存会丢失对方的修改。

“另存为…”把您的修改保存到另一个文件；“重新载入”按磁盘上的现状打开方案，并放弃您未保存的修改。</translation>
        </message>
        <message>
            <source>%1 was changed on disk by %2 since this window opened it; saving will ask what to do.</source>
            <translation>本窗口打开 %1 之后，%2 修改了磁盘上的该文件；保存时将询问如何处理。</translation>
        </message>
    </context>
</TS>
